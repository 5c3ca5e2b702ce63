/**
 * Which HTML elements are page furniture rather than content: scripts and styles, navigation, site
 * headers and footers, sidebars, tables of contents, breadcrumbs and permalink marks. Tuned on
 * DocBook/Publican (`ul.docnav`, `div.navheader`, `div.toc`, `#banner`) and Sphinx
 * (`div.sphinxsidebar`, `div.related`, `a.headerlink`) output as well as ordinary sites.
 */
export type HtmlAttributes = Readonly<Record<string, string>>;

const ALWAYS_DROPPED: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'form',
  'button',
  'select',
  'dialog',
]);

/** `header` and `footer` are page furniture unless they belong to an article or section (ARIA's rule). */
const PAGE_LEVEL_ONLY: ReadonlySet<string> = new Set(['header', 'footer']);

const DROPPED_ROLES: ReadonlySet<string> = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'search',
  'complementary',
  'menu',
  'menubar',
  'toolbar',
  'doc-toc',
  'doc-pagelist',
]);

/** A class or id token naming navigation: whole tokens, so `stock` or `tocopherol` are not caught. */
const NAVIGATION_TOKEN =
  /^(?:nav|navbar|nav-.+|navigation|navheader|navfooter|docnav|toc|toc[-_].+|toctree.*|table-of-contents|.*breadcrumbs?.*|sphinxsidebar|sphinxsidebarwrapper|related|headerlink|skip-?link|pagination|banner|site-header|site-footer)$/i;

const FOOTNOTES = /footnote|endnote/i;

/**
 * Whether an element (with everything inside it) should be left out of the text.
 * @param insideSectioning whether the element is inside an `article`, `section` or `main`.
 */
export function isBoilerplate(name: string, attributes: HtmlAttributes, insideSectioning: boolean): boolean {
  if (ALWAYS_DROPPED.has(name)) return true;
  if (PAGE_LEVEL_ONLY.has(name) && !insideSectioning) return true;
  const classes = attributes.class ?? '';
  if (name === 'aside' && !FOOTNOTES.test(classes) && !FOOTNOTES.test(attributes.role ?? '')) return true;
  const role = attributes.role?.trim().toLowerCase();
  if (role !== undefined && DROPPED_ROLES.has(role)) return true;
  if (attributes.hidden !== undefined || attributes['aria-hidden'] === 'true') return true;
  return hasNavigationToken(classes) || hasNavigationToken(attributes.id ?? '');
}

function hasNavigationToken(value: string): boolean {
  if (value.length === 0) return false;
  return value.split(/\s+/).some((token) => NAVIGATION_TOKEN.test(token));
}
