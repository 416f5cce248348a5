// Type-checked by test/budgets/widget-jsx-types.test.ts against the built package's declarations.
import type {} from '@coverkit/widget/jsx-react';
import { CoverOffers } from '@coverkit/widget/react';

export function ProductPage({ onOrder }: { onOrder: (order: { id: string }) => void }) {
  return (
    <>
      <cover-offers
        publishable-key="pk_test_demo"
        api-base="https://api.coverkit.example"
        category="Mobile"
        brand="Samsung"
        model="Galaxy S23"
        price={74999}
        currency="INR"
        country="IN"
        layout="modal"
        className="plans"
        oncover-order-create={(event) => onOrder(event.detail.order)}
        oncover-error={(event) => console.warn(event.detail.code, event.detail.attribute)}
      />
      {/* @ts-expect-error price is a number, not a string */}
      <cover-offers price="74999" />
      {/* @ts-expect-error layout is inline, compact or modal */}
      <cover-offers layout="sideways" />
      <CoverOffers
        publishableKey="pk_test_demo"
        price={74999}
        onOrderCreate={(event) => onOrder(event.detail.order)}
        onDeviceChange={(event) => console.log(event.detail.brand)}
      />
    </>
  );
}
