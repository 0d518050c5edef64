import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  fromContentApi,
  fromHtmlPage,
  fromPlainText,
} from '../../../src/extract/parse-announcement.ts';
import { htmlToBlocks } from '../../../src/extract/html-to-blocks.ts';

describe('htmlToBlocks', () => {
  it('keeps paragraphs, list items, headings and quotations apart, and drops scripts and styles', () => {
    const html = `<div class="govspeak"><p>First <strong>bold</strong> &amp; <a href="#">linked</a>.</p>
      <script>var x = "<p>not text</p>";</script><style>p { color: red }</style>
      <h2 id="x">Notes to editors</h2><ul><li>one<li>two &ndash; <em>three</em></li></ul>
      <blockquote><p>We will act.</p></blockquote><p>Line<br>break</p><!-- <p>comment</p> --></div>`;
    expect(htmlToBlocks(html)).toEqual([
      { kind: 'paragraph', text: 'First bold & linked.' },
      { kind: 'heading', text: 'Notes to editors' },
      { kind: 'list-item', text: 'one' },
      { kind: 'list-item', text: 'two – three' },
      { kind: 'paragraph', text: 'We will act.', quoted: true },
      { kind: 'paragraph', text: 'Line' },
      { kind: 'paragraph', text: 'break' },
    ]);
  });

  it('survives broken markup', () => {
    expect(htmlToBlocks('<p>open <b>never closed<li>item</ul></div> a < b text')).toEqual([
      { kind: 'paragraph', text: 'open never closed' },
      { kind: 'list-item', text: 'item' },
      { kind: 'paragraph', text: 'a < b text' },
    ]);
  });
});

describe('detectFormat', () => {
  it.each([
    ['{"title": "x"}', 'content-api'],
    ['  <!DOCTYPE html><html>', 'html'],
    ['<div class="govspeak"><p>x</p></div>', 'html'],
    [' date 2024-03-05 Home Office\nTitle\nBody.', 'text'],
    ['Some text that mentions <p> later on in the first lines', 'html'],
  ])('%j is %s', (body, format) => {
    expect(detectFormat(body)).toBe(format);
  });
});

describe('fromPlainText', () => {
  it('reads the seed format: date line, title, body, list items, headings and the article link', () => {
    const a = fromPlainText(
      ' date 2024-03-05 Home Office\nA title\nA paragraph.\n\nKey points were:\n- first point\n- second point\nNotes to editors\nA note.\nOriginal article link: https://www.gov.uk/government/news/x\n',
      'seed.txt',
    );
    expect(a).toEqual({
      title: 'A title',
      published: '2024-03-05',
      publisher: 'Home Office',
      url: 'https://www.gov.uk/government/news/x',
      text: 'A paragraph.\nKey points were:\nfirst point\nsecond point\nNotes to editors\nA note.',
      paragraphs: [
        'A paragraph.',
        'Key points were:',
        'first point',
        'second point',
        'Notes to editors',
        'A note.',
      ],
      blocks: [
        { kind: 'paragraph', text: 'A paragraph.' },
        { kind: 'paragraph', text: 'Key points were:' },
        { kind: 'list-item', text: 'first point' },
        { kind: 'list-item', text: 'second point' },
        { kind: 'heading', text: 'Notes to editors' },
        { kind: 'paragraph', text: 'A note.' },
      ],
    });
  });

  it('accepts "Published 5 March 2024" as the date line', () => {
    expect(fromPlainText('Published 5 March 2024\nTitle\nBody.', 'x.txt')).toMatchObject({
      published: '2024-03-05',
      title: 'Title',
    });
  });

  it('refuses text without a date, saying what the first line must be', () => {
    expect(() => fromPlainText('Just a title\nAnd a body.', 'notes.txt')).toThrow(
      expect.objectContaining({
        code: 'announcement_no_date',
        message: expect.stringMatching(/date YYYY-MM-DD/),
      }),
    );
  });
});

describe('fromContentApi', () => {
  it('uses the London calendar day of first_published_at (late evening UTC in summer is the next day)', () => {
    const a = fromContentApi(
      {
        title: 'T',
        base_path: '/government/news/t',
        first_published_at: '2024-07-25T23:30:00Z',
        details: { body: '<p>Body.</p>' },
      },
      'x',
    );
    expect(a).toMatchObject({
      published: '2024-07-26',
      url: 'https://www.gov.uk/government/news/t',
      paragraphs: ['Body.'],
    });
  });

  it.each([
    [[], /not a Content API document/],
    [{ title: 'A guide', schema_name: 'guide', details: { parts: [] } }, /no details\.body \(schema guide\)/],
    [{ title: 'T', details: { body: '<p>x</p>' } }, /no first_published_at/],
  ])('refuses %j', (json, message) => {
    expect(() => fromContentApi(json, 'x.json')).toThrow(message);
  });
});

describe('fromHtmlPage', () => {
  it('falls back to the metadata component\'s "Published" date and the "From:" organisation', () => {
    const html =
      '<html><head><title>Page - GOV.UK</title></head><body><main><h1>Page title</h1><dl><dt>From:</dt><dd><a href="/x">Department for Education</a></dd><dt>Published</dt><dd>3 March 2025</dd></dl><div class="govspeak"><p>Body text.</p></div></main></body></html>';
    expect(fromHtmlPage(html, 'page.html')).toMatchObject({
      title: 'Page title',
      published: '2025-03-03',
      publisher: 'Department for Education',
      paragraphs: ['Body text.'],
    });
  });

  it('refuses a page with no date', () => {
    expect(() => fromHtmlPage('<html><body><p>Body.</p></body></html>', 'page.html')).toThrow(
      expect.objectContaining({ code: 'announcement_no_date' }),
    );
  });
});
