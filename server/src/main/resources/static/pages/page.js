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
  const fields = body.errors || body.fieldErrors;
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

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A date and time in the reader's locale; empty for none. */
export const when = (iso) => (iso ? dateTime.format(new Date(iso)) : '');
