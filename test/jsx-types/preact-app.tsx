// Type-checked by test/budgets/widget-jsx-types.test.ts against the built package's declarations.
import type {} from '@coverkit/widget/jsx-preact';

export function ProductPage() {
  return (
    <div>
      <cover-offers
        publishable-key="pk_test_demo"
        price={74999}
        currency="INR"
        class="plans"
        oncover-offers-load={(event) => console.log(event.detail.offers.length)}
      />
      {/* @ts-expect-error price is a number, not a string */}
      <cover-offers price="74999" />
    </div>
  );
}
