/*
 * The relocation engine's Tasklist script: a form with a form-js dynamic list can be completed once its entries were edited.
 *
 * The Tasklist takes a form-js form for invalid while the form's error state has any key at all (`Object.keys(errors)`).
 * form-js files an entry's errors under the list field's id and the entry's index, and when the entry is valid it removes
 * the index but keeps the emptied array (`errors.Field_dependantPlan = []`): after any edit in a dynamic list the Complete
 * button stayed disabled although no field showed an error (a person had to press Save, which validates afresh). After
 * each edit in a form that has a dynamic list, when no field of the form shows an error, this script tells the Tasklist's
 * form that the form is valid, as it would have without the empty array. Presentation only: form-js still validates on
 * Complete, and the engine checks every submission (platform/engine/FormSchemas).
 */
const LIST = '.fjs-form-field-dynamiclist';

function revalidate(form) {
  if (!form.isConnected || !form.querySelector(LIST) || form.querySelector('.fjs-has-errors')) {
    return;
  }
  const host = form.closest('[cam-tasklist-form]');
  const controller = host && window.angular && window.angular.element(host).controller('camTasklistForm');
  if (controller && typeof controller.notifyFormValidated === 'function') {
    controller.notifyFormValidated(false);
  }
}

function edited(event) {
  const form = event.target && event.target.closest && event.target.closest('form.fjs-form');
  if (!form || !form.querySelector(LIST)) {
    return;
  }
  // after form-js took the edit (at once for a select or checkbox, after its debounce for typed text)
  [0, 400].forEach((delay) => setTimeout(() => revalidate(form), delay));
}

['click', 'change', 'input', 'keyup'].forEach((type) => document.addEventListener(type, edited, true));

export default [];
