/**
 * `COVERKIT_OPERATOR_TOKEN`: what the operator console signs in with. Test mode has a public
 * default (`op_test_demo`, like `pk_test_demo`); live mode has none, and without the variable
 * the console is not mounted at all. A live token must be long and random-looking, since it
 * reads every merchant's orders.
 */
export const TEST_OPERATOR_TOKEN = 'op_test_demo';
const LIVE_MIN_LENGTH = 32;
const LIVE_MIN_DISTINCT_CHARACTERS = 12;

/** The token the console accepts; null: no console. `fail` names the variable and why. */
export function readOperatorToken(
  mode: 'test' | 'live',
  value: string | undefined,
  fail: (name: string, why: string) => never,
): string | null {
  if (mode === 'test') return value ?? TEST_OPERATOR_TOKEN;
  if (value === undefined) return null;
  if (value.startsWith('op_test_'))
    fail('COVERKIT_OPERATOR_TOKEN', 'must not be a test token (op_test_…) in live mode (COVERKIT_MODE=live)');
  // Tokens go in an Authorization header: printable ASCII without spaces.
  if (!/^[\x21-\x7e]+$/.test(value)) fail('COVERKIT_OPERATOR_TOKEN', 'must be printable ASCII without spaces');
  if (value.length < LIVE_MIN_LENGTH || new Set(value).size < LIVE_MIN_DISTINCT_CHARACTERS) {
    fail(
      'COVERKIT_OPERATOR_TOKEN',
      `must be at least ${LIVE_MIN_LENGTH} random characters in live mode, e.g. op_live_$(openssl rand -hex 24)`,
    );
  }
  return value;
}
