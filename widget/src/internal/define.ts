/**
 * Registers a custom element unless its tag is already taken.
 *
 * Coverkit runs inside other people's pages, where a second copy of the script (two
 * script tags, or a script tag plus an npm bundle) is common. `customElements.define()`
 * throws on a taken tag, which would break the merchant's page, so the first copy wins.
 */
export function define(tagName: string, elementClass: CustomElementConstructor): void {
  const registered = customElements.get(tagName);
  if (registered === undefined) {
    customElements.define(tagName, elementClass);
    return;
  }
  if (registered !== elementClass) {
    // A different class under the same tag means two Coverkit copies (maybe two versions)
    // on one page; worth a hint to the developer, harmless to the shopper.
    console.warn(`[coverkit] <${tagName}> is already defined by another copy of Coverkit; keeping the first one.`);
  }
}
