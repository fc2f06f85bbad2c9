/*
 * The relocation engine's Tasklist script: a refused form shows its sentences next to the fields.
 *
 * When the engine refuses a submitted task or start form, its 400 (problem details, platform/web/FieldErrorsRestExceptionHandler)
 * carries `fieldErrors`: the form field's key -> a sentence naming the field by its label ("Employee login: must be the
 * login of an existing user..."). The stock Tasklist shows only a notification at the top of the page. This script reads
 * the form's schema (the deployed form the Tasklist rendered), finds each named field's component and writes the sentence
 * under that field, as form-js does for its own checks. The notification stays: it also lists a refusal no field shows.
 * Editing a field removes its sentence. Display only: the engine decides what is refused.
 */
// the Tasklist's own engine API (/operaton/api/engine/engine/default/...) or the REST API (/engine-rest/...)
const SUBMIT = /^(.*)\/(task|process-definition)\/([^/?#]+)\/submit-form(?:[?#].*)?$/;
const ERROR_CLASS = 'relocation-field-error';

function schemaUrl(base, kind, id) {
  return kind === 'task' ? `${base}/task/${id}/deployed-form` : `${base}/process-definition/${id}/deployed-start-form`;
}

function componentIdsByKey(schema) {
  const ids = {};
  (function walk(components) {
    (components || []).forEach((c) => {
      if (c.key && c.id) {
        ids[c.key] = c.id;
      }
      walk(c.components);
    });
  })(schema && schema.components);
  return ids;
}

function clearShown(form) {
  form.querySelectorAll('.' + ERROR_CLASS).forEach((e) => {
    const field = e.closest('.fjs-form-field');
    e.remove();
    if (field && !field.querySelector('.fjs-form-field-error')) {
      field.classList.remove('fjs-has-errors');
    }
  });
}

function show(fieldErrors, ids) {
  // the start dialog's form, or the open task's (a start dialog may open over a task)
  const forms = Array.from(document.querySelectorAll('.modal-dialog form.fjs-form, form.fjs-form'));
  forms.forEach(clearShown);
  Object.keys(fieldErrors).forEach((key) => {
    // an entry of a dynamic list (dependantPlans[1].plan): the entry's field, whose id ends with _<index>
    const entry = /^[^[]+\[(\d+)\]\.(.+)$/.exec(key);
    const id = entry ? ids[entry[2]] && `${ids[entry[2]]}_${entry[1]}` : ids[key];
    const input = id && forms.map((f) => f.querySelector(`[id$='-${CSS.escape(id)}']`)).find((i) => i && i.offsetParent);
    const field = input && input.closest('.fjs-form-field');
    if (!field) {
      return; // not a shown field of this form: the notification names it
    }
    const sentence = document.createElement('div');
    sentence.className = 'fjs-form-field-error ' + ERROR_CLASS;
    sentence.setAttribute('role', 'alert');
    sentence.setAttribute('data-field', key);
    sentence.textContent = fieldErrors[key];
    field.classList.add('fjs-has-errors');
    field.appendChild(sentence);
    const clear = () => {
      sentence.remove();
      if (!field.querySelector('.fjs-form-field-error')) {
        field.classList.remove('fjs-has-errors');
      }
    };
    field.addEventListener('input', clear, { once: true });
    field.addEventListener('change', clear, { once: true });
  });
}

function refused(url, status, body) {
  const match = status === 400 && SUBMIT.exec(url || '');
  if (!match) {
    return;
  }
  let problem;
  try {
    problem = typeof body === 'string' ? JSON.parse(body) : body;
  } catch (e) {
    return;
  }
  const fieldErrors = problem && problem.fieldErrors;
  if (!fieldErrors || typeof fieldErrors !== 'object' || !Object.keys(fieldErrors).length) {
    return;
  }
  fetch(schemaUrl(match[1], match[2], match[3]), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : null))
    .then((schema) => show(fieldErrors, componentIdsByKey(schema)))
    .catch(() => { /* the notification still says it */ });
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  this.addEventListener('load', () => refused(this.responseURL || String(url), this.status, this.responseText));
  return open.apply(this, arguments);
};

export default [];
