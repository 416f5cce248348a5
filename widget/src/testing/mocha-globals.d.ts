/**
 * The Mocha globals web-test-runner provides in the browser. @types/mocha is not a
 * dependency (and the root tsconfig limits `types` to node), so the few we use are
 * declared here for `tsc --noEmit`.
 */
type MochaBody = (this: unknown) => void | Promise<unknown>;

declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: MochaBody): void;
declare function beforeEach(body: MochaBody): void;
declare function afterEach(body: MochaBody): void;
