import { describe, expect, it } from 'vitest';
import { htmlParser, parseHtmlText } from './html.js';

const page = (body: string, head = '<title>Guide &amp; Notes</title>') =>
  `<!DOCTYPE html><html><head>${head}<style>p { color: red }</style></head><body>${body}</body></html>`;

describe('parseHtmlText', () => {
  it('splits at headings with the path of enclosing headings', () => {
    const document = parseHtmlText(
      page(`
        <p>Lead paragraph.</p>
        <h1>Install</h1><p>Get the package.</p>
        <h2>From source</h2><p>Build it.</p>
        <h3>On Debian</h3><p>Use apt.</p>
        <h2>Binaries</h2><p>Download.</p>
        <h1>Use</h1><p>Run it.</p>`),
      'docs/guide.html',
    );
    expect(document.sections.map((section) => section.headingPath)).toEqual([
      [],
      ['Install'],
      ['Install', 'From source'],
      ['Install', 'From source', 'On Debian'],
      ['Install', 'Binaries'],
      ['Use'],
    ]);
    expect(document.sections.map((section) => section.text)).toEqual([
      'Lead paragraph.',
      'Get the package.',
      'Build it.',
      'Use apt.',
      'Download.',
      'Run it.',
    ]);
    expect(document.kind).toBe('prose');
  });

  it('takes the title from <title>, else the first h1, else the file name', () => {
    expect(parseHtmlText(page('<h1>Heading</h1><p>x</p>'), 'a.html').title).toBe('Guide & Notes');
    expect(parseHtmlText(page('<h2>Second</h2><h1> The\n  heading </h1><p>x</p>', ''), 'a.html').title).toBe(
      'The heading',
    );
    expect(parseHtmlText(page('<p>no headings</p>', ''), 'dir/page.html').title).toBe('page.html');
  });

  it('drops scripts, styles, navigation, site header and footer, sidebars and tables of contents', () => {
    const document = parseHtmlText(
      page(`
        <div id="banner"><a href="/get">Download the ebook</a></div>
        <header><a href="/">Site home</a></header>
        <nav><a href="/a">Menu link</a></nav>
        <div class="navheader"><a href="prev.html">Prev</a></div>
        <ul class="docnav top"><li><a href="prev.html">Пред.</a></li></ul>
        <div class="related" role="navigation"><h3>Навигация</h3><a href="index.html">указатель</a></div>
        <div class="sphinxsidebar"><h3>Оглавление</h3><ul><li>Sidebar item</li></ul></div>
        <ol class="breadcrumb"><li>Home</li><li>Docs</li></ol>
        <div role="navigation">Role nav</div>
        <h1>Real<a class="headerlink" href="#real">¶</a></h1>
        <div class="toc"><dl class="toc"><dt>1. Chapter</dt></dl></div>
        <script>var hidden = "script text";</script>
        <noscript>Enable JavaScript</noscript>
        <template><p>Template text</p></template>
        <aside>Related posts</aside>
        <p>Visible content.</p>
        <div class="navfooter">Next chapter</div>
        <footer>Copyright footer</footer>`),
      'page.html',
    );
    expect(document.sections).toEqual([{ headingPath: ['Real'], text: 'Visible content.' }]);
  });

  it('keeps content boxes that only look like furniture: DocBook sidebars, article headers, footnotes', () => {
    const document = parseHtmlText(
      page(`
        <article><header><h1>Post title</h1></header><p>Body.</p><footer>Posted by Ann</footer></article>
        <div class="sidebar"><p class="title">NOTE Worth knowing</p><p>Sidebar body.</p></div>
        <aside class="footnote-list"><p>[1] The footnote.</p></aside>
        <p class="history">A stock toc-free paragraph.</p>`),
      'post.html',
    );
    expect(document.sections).toHaveLength(1);
    expect(document.sections[0]?.headingPath).toEqual(['Post title']);
    expect(document.sections[0]?.text).toBe(
      'Body.\n\nPosted by Ann\n\nNOTE Worth knowing\n\nSidebar body.\n\n[1] The footnote.\n\nA stock toc-free paragraph.',
    );
  });

  it('decodes entities and collapses whitespace outside <pre>', () => {
    const document = parseHtmlText(
      page('<p>Tom&nbsp;&amp;\n   Jerry &mdash; &lt;cats&gt; &#8212; &#x41;&quot;&#39;</p>'),
      'a.html',
    );
    expect(document.sections[0]?.text).toBe('Tom & Jerry — <cats> — A"\'');
  });

  it('keeps <pre> blocks verbatim and on lines of their own', () => {
    const document = parseHtmlText(
      page('<p>Run:</p><pre>\n$ make\n  &lt;indented&gt;\n\n$ make   install\n</pre><p>Done.</p>'),
      'a.html',
    );
    expect(document.sections[0]?.text).toBe('Run:\n\n$ make\n  <indented>\n\n$ make   install\n\nDone.');
  });

  it('writes lists, nested lists and tables as readable lines', () => {
    const document = parseHtmlText(
      page(`
        <p>Steps:</p>
        <ol><li><p>Download</p></li><li>Unpack<ul><li>tar</li><li>zip</li></ul></li><li>Run</li></ol>
        <table><tr><th>Name</th><th>Port</th></tr><tr><td>http</td><td><code>80</code></td></tr></table>
        <p>Line one<br>line two</p>`),
      'a.html',
    );
    expect(document.sections[0]?.text).toBe(
      'Steps:\n\n1. Download\n2. Unpack\n  - tar\n  - zip\n3. Run\n\nName | Port\nhttp | 80\n\nLine one\nline two',
    );
  });

  it('leaves out a heading with no text of its own below it, but keeps it in the paths', () => {
    const document = parseHtmlText(
      page('<h1>Chapter</h1><h2>Part</h2><p>Body.</p><h2></h2><p>More.</p>'),
      'a.html',
    );
    expect(document.sections).toEqual([{ headingPath: ['Chapter', 'Part'], text: 'Body.\n\nMore.' }]);
  });

  it('reads a Publican (DocBook) page like the Debian handbook', () => {
    const html = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html xmlns="http://www.w3.org/1999/xhtml"><head><title xmlns:d="http://docbook.org/ns/docbook">6.2. Команды aptitude</title></head><body><div id="banner"><a href="x"><span class="text">Download the ebook</span></a></div><p id="title"><a class="left" href="x"><img alt="Product Site" src="a.png" /></a></p><ul class="docnav top"><li class="previous"><a href="p.html"><strong>Пред.</strong></a></li></ul><div class="section"><div class="titlepage"><div><div><h2 class="title"><a xmlns="" id="sect.apt-get"></a>6.2. Команды <code class="command">aptitude</code></h2></div></div></div><a id="id-1" class="indexterm"></a><div class="para">
				APT — это обширный проект.
			</div><div class="section"><div class="titlepage"><div><div><h3 class="title">6.2.1. Инициализация</h3></div></div></div><div class="para">Выполните <code class="command">apt update</code>.</div></div></div><ul class="docnav"><li class="next"><a href="n.html"><strong>След.</strong>6.3</a></li></ul></body></html>`;
    const document = parseHtmlText(html, 'handbook/sect.apt-get.html');
    expect(document.title).toBe('6.2. Команды aptitude');
    expect(document.sections).toEqual([
      { headingPath: ['6.2. Команды aptitude'], text: 'APT — это обширный проект.' },
      { headingPath: ['6.2. Команды aptitude', '6.2.1. Инициализация'], text: 'Выполните apt update.' },
    ]);
  });
});

describe('htmlParser', () => {
  it('decodes the bytes, replacing invalid UTF-8', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('<h1>Caf'),
      0xff,
      ...new TextEncoder().encode('</h1><p>x</p>'),
    ]);
    const document = await htmlParser.parse({ path: 'a.html', bytes });
    expect(document.title).toBe('Caf\uFFFD');
  });
});
