// The vendors page, for HR administration, finance and administrators: vendor performance worst first (with its CSV
// export) and the vendor register with deactivation. Everything comes from /api/vendors and /api/me (the same login
// as the Tasklist, through /pages/page.js); the rules, figures and thresholds are the API's (docs/operations.md
// "Vendor performance", "Vendor register").

import { clearFailure, day, el, fail, fetchFile, number, request, saveAs, when } from '/pages/page.js';

const $ = (selector, root = document) => root.querySelector(selector);
const api = request;
const words = (code) => (code ? String(code).toLowerCase().replaceAll('_', ' ').replaceAll('-', ' ') : '');
const percent = (rate) => (rate === undefined || rate === null ? '' : `${number(Math.round(Number(rate) * 1000) / 10)}%`);
const hours = (h) => (h === undefined || h === null ? '' : `${number(h)} h`);
const ratio = (r) => (r === undefined || r === null ? '' : `× ${number(r)}`);
const services = new Set();

/** "8 of 10 (80%)", or empty when nothing was due. */
const ofDue = (done, due, rate) => (due ? `${number(done)} of ${number(due)} (${percent(rate)})` : '');

function performanceQuery(format) {
  const params = new URLSearchParams();
  ['from', 'to'].forEach((name) => { if ($(`#${name}`).value) params.set(name, $(`#${name}`).value); });
  if ($('#performance-service').value) params.set('service', $('#performance-service').value);
  if (format) params.set('format', format);
  const query = params.toString();
  return `/api/vendors/performance${query ? `?${query}` : ''}`;
}

/** A 400 names the field it refuses: shown next to the form, not in place of the page. */
function showProblem(target, error) {
  if (error.status === 400) {
    $(target).textContent = error.message;
    return;
  }
  throw error;
}

async function loadPerformance() {
  $('#performance-error').textContent = '';
  let report;
  try {
    report = await api(performanceQuery());
  } catch (error) {
    showProblem('#performance-error', error);
    return;
  }
  report.rows.forEach((r) => services.add(r.service));
  fillServices();
  const worst = report.rows.filter((r) => r.worst);
  $('#attention').textContent = worst.length
    ? `${number(worst.length)} vendor(s) need attention: ${worst.map((r) => `${r.vendorName || r.vendor} (${words(r.serviceType)})`).join(', ')}.`
    : '';
  $('#performance-rows tbody').replaceChildren(...(report.rows.length ? report.rows.map((r) => el('tr', { class: r.worst ? 'worst' : '', 'data-vendor': r.vendor },
    el('th', { scope: 'row' }, r.vendorName || r.vendor, r.worst ? el('span', { class: 'badge' }, 'needs attention') : null,
      r.configuredEndpoint ? el('span', { class: 'badge neutral' }, 'configured endpoint') : null,
      el('div', { class: 'code' }, r.vendor)),
    el('td', {}, words(r.serviceType)),
    el('td', { class: 'num' }, number(r.orders)),
    el('td', { class: 'num' }, number(r.refusals)),
    el('td', { class: 'num' }, [hours(r.responseHoursP50), hours(r.responseHoursP90)].filter(Boolean).join(' / ')),
    el('td', { class: 'num confirmed' }, ofDue(r.confirmationsOnTime, r.confirmationsDue, r.confirmationOnTimeRate)),
    el('td', { class: 'num delivered' }, ofDue(r.deliveriesOnTime, r.deliveriesConfirmed, r.deliveryOnTimeRate)),
    el('td', { class: 'num' }, ratio(r.costToQuoteRatio)),
    el('td', { class: 'num' }, ratio(r.costToContractRatio)),
    el('td', { class: 'num rating' }, r.ratings ? `${number(r.averageRating)} (${number(r.ratings)})` : '')))
    : [el('tr', {}, el('td', { colspan: 10, class: 'hint' }, 'No orders in this period.'))]));
  $('#performance-period').textContent = `Orders requested from ${day(report.from)} to ${day(report.to)}.`;
}

async function downloadCsv() {
  $('#performance-error').textContent = '';
  try {
    saveAs(await fetchFile(performanceQuery('csv')), 'vendor-performance.csv');
  } catch (error) {
    fail(error);
  }
}

function fillServices() {
  document.querySelectorAll('select[data-services]').forEach((select) => {
    const chosen = select.value;
    select.replaceChildren(el('option', { value: '' }, 'All services'),
      ...[...services].sort().map((s) => el('option', { value: s }, words(s))));
    select.value = chosen;
  });
}

// -------------------------------------------------------------------------------------------------------- register
async function loadRegister() {
  $('#register-error').textContent = '';
  const params = new URLSearchParams();
  if ($('#register-service').value) params.set('service', $('#register-service').value);
  if ($('#register-country').value.trim()) params.set('country', $('#register-country').value.trim().toUpperCase());
  if (!$('#register-inactive').checked) params.set('active', 'true');
  let listing;
  try {
    listing = await api(`/api/vendors?${params}`);
  } catch (error) {
    if (error.status === 403) { // administrators read performance, the register is HR administration's and finance's
      $('#register').hidden = true;
      return;
    }
    showProblem('#register-error', error);
    return;
  }
  $('#register').hidden = false;
  listing.vendors.forEach((v) => services.add(v.service));
  fillServices();
  $('#vendors tbody').replaceChildren(...(listing.vendors.length ? listing.vendors.map((v) => el('tr', { class: v.active ? '' : 'inactive', 'data-vendor': v.code },
    el('th', { scope: 'row' }, v.name, el('div', { class: 'code' }, v.code)),
    el('td', {}, words(v.service)),
    el('td', {}, v.city ? `${v.city}, ${v.country}` : `${v.country} (whole country)`),
    el('td', {}, v.rates.map((r) => `${number(r.unitPrice)} ${v.currency} per ${words(r.unit)}`).join('; ')),
    el('td', {}, `acknowledge ${number(v.acknowledgementHours)} h, confirm ${number(v.confirmationBusinessDays)}, deliver ${number(v.deliveryBusinessDays)} business days`),
    el('td', { class: 'status' }, v.active ? 'active' : 'deactivated'),
    el('td', {}, `${when(v.updatedAt || v.createdAt)} by ${v.updatedBy || v.createdBy}`),
    el('td', {}, v.active ? el('button', { type: 'button', class: 'deactivate', onclick: () => deactivate(v) }, 'Deactivate') : null)))
    : [el('tr', {}, el('td', { colspan: 8, class: 'hint' }, 'No vendor matches.'))]));
}

async function deactivate(vendor) {
  if (!window.confirm(`Deactivate ${vendor.name}? New ${words(vendor.service)} orders will go to the next vendor; its open orders may still be answered.`)) {
    return;
  }
  try {
    await api(`/api/vendors/${vendor.id}/deactivation`, { method: 'POST' });
    await loadRegister();
  } catch (error) {
    fail(error);
  }
}

async function start() {
  let me;
  try {
    me = await api('/api/me');
    await loadPerformance(); // 403 for a role that may not read it: the page's #forbidden notice
  } catch (error) {
    fail(error);
    return;
  }
  $('#who').textContent = me.name ? `${me.name} (${me.userId})` : me.userId;
  $('#app').hidden = false;
  try {
    await loadRegister();
  } catch (error) {
    fail(error);
  }
  $('#performance-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    clearFailure();
    loadPerformance().catch(fail);
  });
  $('#download-csv').addEventListener('click', downloadCsv);
  $('#register-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    clearFailure();
    loadRegister().catch(fail);
  });
}

start();
