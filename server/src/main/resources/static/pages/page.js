// What the product's pages (/process-owner/, /cases/) share: calls to /api with the Tasklist's login (the session
// cookie plus X-Requested-With, which a form on another site cannot send), problem texts, and building elements
// from text only (never HTML).

const REQUESTED_WITH = { 'X-Requested-With': 'XMLHttpRequest' };

/** Calls the API; answers the parsed body, or throws an Error carrying the status and the problem body. */
export async function request(path, options = {}) {
  const response = await fetch(path, {
    credentials: 'same-origin',
    ...options,
    headers: { ...REQUESTED_WITH, Accept: 'application/json', ...(options.headers || {}) },
  });
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const error = new Error(problemText(body) || `The server answered ${response.status}`);
    error.status = response.status;
    error.path = path;
    error.body = body;
    throw error;
  }
  return body;
}

/** Reads a file through fetch (a plain link cannot send X-Requested-With): its content, or an Error with the status. */
export async function fetchFile(href) {
  const response = await fetch(href, { credentials: 'same-origin', headers: REQUESTED_WITH });
  if (!response.ok) {
    throw Object.assign(new Error(`The file could not be read (${response.status})`), { status: response.status });
  }
  return response.blob();
}

/** Offers a file read into memory as a download under this name. */
export function saveAs(blob, name) {
  const url = URL.createObjectURL(blob);
  el('a', { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** One sentence for a problem body: its detail (a 400's names every field), and a validation's listed errors. */
export function problemText(body) {
  if (!body) {
    return '';
  }
  const fields = body.errors || body.fieldErrors; // the API's fieldErrors map is already named in its detail
  const details = Array.isArray(fields) ? fields.map((f) => `${f.field}: ${f.message}`).join('; ') : '';
  return [body.detail || body.title || body.message, details].filter(Boolean).join(' — ');
}

/** Builds an element: el('td', {class: 'num'}, 'text', child, ...). Text is always set as text, never as HTML. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name === 'class') {
      element.className = value;
    } else if (name.startsWith('on')) {
      element.addEventListener(name.substring(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat(Infinity).forEach((child) => {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return element;
}

/**
 * Shows a failed call: no login (401) the page's #signed-out notice, a refusal (403) its #forbidden notice where it
 * has one (both hide #app), anything else the message in #failure.
 */
export function fail(error) {
  const notice = { 401: 'signed-out', 403: 'forbidden' }[error.status];
  if (notice && document.getElementById(notice)) {
    document.getElementById('failure').textContent = `${error.path || ''} answered ${error.status}`; // for support: stays hidden
    document.getElementById('app').hidden = true;
    document.getElementById(notice).hidden = false;
    return;
  }
  const box = document.getElementById('failure');
  box.textContent = error.message;
  box.hidden = false;
}

export function clearFailure() {
  document.getElementById('failure').hidden = true;
}

/** The reader's language as the browser says (navigator.language): every date and number on the pages is shown in it. */
export const LOCALE = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';

const dateTime = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' });
const numbers = new Intl.NumberFormat(LOCALE);

/** A date and time in the reader's locale; empty for none. */
export const when = (iso) => (iso ? dateTime.format(new Date(iso)) : '');

/** A calendar date (ISO yyyy-mm-dd, no time zone) in the reader's locale; empty for none. */
export const day = (iso) => (iso ? dateOnly.format(new Date(`${iso}T00:00:00Z`)) : '');

/** A number in the reader's locale (digit grouping, decimal sign); empty for none. */
export const number = (n) => (n === undefined || n === null || n === '' ? '' : numbers.format(Number(n)));

/** An amount with its ISO 4217 currency in the reader's locale, e.g. "€60,000.00" or "60.000,00 €"; empty for none. */
export function money(amount, currency) {
  if (amount === undefined || amount === null) {
    return '';
  }
  try {
    return new Intl.NumberFormat(LOCALE, { style: 'currency', currency }).format(Number(amount));
  } catch (e) { // not a currency code the browser knows
    return `${new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(amount))} ${currency || ''}`.trim();
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Any value as the reader reads it: ISO dates and instants, and numbers, in the reader's locale; other text as it is. */
export function shown(value) {
  if (value === undefined || value === null) {
    return '';
  }
  if (typeof value === 'number') {
    return number(value);
  }
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    return day(value);
  }
  if (typeof value === 'string' && ISO_INSTANT.test(value)) {
    return when(value);
  }
  if (Array.isArray(value)) {
    return value.map(shown).join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => `${k}: ${shown(v)}`).join('; ');
  }
  return String(value);
}
