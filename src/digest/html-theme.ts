// The digest page's colours and escaping, shared by its renderers (pure).

// GOV.UK Design System colours: readable on white, familiar to the people reading this.
export const colour = {
  text: '#0b0c0c',
  secondary: '#505a5f',
  border: '#b1b4b6',
  track: '#dee0e2',
  page: '#f3f2f1',
  link: '#1d70b8',
  red: '#d4351c',
  orange: '#f47738',
  blue: '#1d70b8',
  green: '#00703c',
  olive: '#85994b',
  purple: '#6f72af',
  grey: '#505a5f',
  highlight: '#fff7bf',
} as const;

/** Plain text (or an attribute value) to HTML that shows it as text. */
export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
