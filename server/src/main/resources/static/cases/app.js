// The case workspace: find a case (number, start of a number or host city, "my cases"), read one case on one page,
// and open a new one. Everything comes from /api/cases and /api/me (the same login as the Tasklist, through
// /pages/page.js). The page shows what the API answers for the caller's
// role and nothing else: a section whose data is absent is not shown.

import { clearFailure, day, el, fail, fetchFile, money as moneyOf, number, request, saveAs, shown, when } from '/pages/page.js';

const $ = (selector, root = document) => root.querySelector(selector);
const TASKLIST = '/operaton/app/tasklist/default/#/?task=';
const PAGE_SIZE = 20;
const TIMELINE_PAGE = 50;
const api = request;

/** The same, but a section the caller's role may not read (403) or that is gone (404) answers null. */
async function optional(path) {
  try {
    return await api(path);
  } catch (error) {
    if (error.status === 403 || error.status === 404) {
      return null;
    }
    throw error;
  }
}

const words = (code) => (code ? String(code).toLowerCase().replaceAll('_', ' ').replaceAll('-', ' ') : '');
// dates and numbers in the reader's locale (navigator.language, /pages/page.js): an ISO date is never shown as it is
const money = (m) => (m ? moneyOf(m.amount, m.currency) : '');
const amount = (value, currency) => moneyOf(value, currency);
const person = (p) => (p ? (p.name ? `${p.name} (${p.userId})` : p.userId) : '—');
const routeOf = (c) => `${c.homeCountry}${c.homeCity ? ` ${c.homeCity}` : ''} → ${c.hostCountry} ${c.hostCity || ''}`.trim();

/** A field's problem as one sentence: the API's own sentence (upper case) as it is, else "Field: fragment.". */
function fieldSentence(label, message) {
  const text = String(message).trim();
  const whole = /^[A-Z]/.test(text) ? text : `${label}: ${text}`;
  return /[.?!]$/.test(whole) ? whole : `${whole}.`;
}

function table(id, headings, rows) {
  return el('table', { class: 'grid', id },
    el('thead', {}, el('tr', {}, headings.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: headings.length, class: 'hint' }, 'None.'))));
}

function section(id, title, ...content) {
  return el('section', { class: 'part', id, 'aria-labelledby': `${id}-title` }, el('h3', { id: `${id}-title` }, title), ...content);
}

let me = { userId: '', roles: [] };
const hasRole = (...roles) => roles.some((r) => me.roles.includes(r));

// ------------------------------------------------------------------------------------------------------------ list
let listPage = 0;

async function loadList(page = 0) {
  listPage = page;
  const params = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
  const text = $('#q').value.trim();
  if (/^[A-Za-z]{2,}-\d{4}-\d+$/.test(text)) {
    params.set('caseNumber', text);
  } else if (text) {
    params.set('q', text);
  }
  if ($('#mine').checked && !params.has('caseNumber')) { // a number is looked up among every case the caller may read
    params.set('mine', 'true');
  }
  const result = await api(`/api/cases?${params}`);
  if (params.has('caseNumber') && result.items.length === 1) {
    window.location.hash = result.items[0].caseNumber;
    return;
  }
  $('#cases tbody').replaceChildren(...result.items.map((c) => el('tr', {},
    el('th', { scope: 'row' }, el('a', { href: `#${c.caseNumber}` }, c.caseNumber)),
    el('td', {}, c.employeeName || ''),
    el('td', {}, routeOf(c)),
    el('td', {}, words(c.assignmentType)),
    el('td', {}, day(c.startDate)),
    el('td', {}, words(c.status)),
    el('td', {}, (c.currentPhases || []).map(words).join(', ')),
    el('td', {}, person(c.contacts && c.contacts.specialist)),
    el('td', {}, person(c.contacts && c.contacts.lineManager)))));
  $('#list-status').textContent = result.totalItems === 0
    ? (text ? `No case matches “${text}” among the cases you may read.` : 'No cases.')
    : `${number(result.totalItems)} case(s); page ${number(page + 1)} of ${number(Math.max(result.totalPages, 1))}.`;
  $('#prev').disabled = page === 0;
  $('#next').disabled = page + 1 >= result.totalPages;
}

// ------------------------------------------------------------------------------------------------------------ case
async function loadCase(caseNumber) {
  const view = $('#view-case');
  view.replaceChildren(el('p', {}, `Opening ${caseNumber}…`));
  const found = await api(`/api/cases?caseNumber=${encodeURIComponent(caseNumber)}`);
  if (found.items.length === 0) {
    view.replaceChildren(el('p', { class: 'error', id: 'not-found' }, `No case ${caseNumber} among the cases you may read.`),
      el('p', {}, el('a', { href: '#' }, 'Back to the list')));
    return;
  }
  const id = found.items[0].id;
  const base = `/api/cases/${id}`;
  // at once (the session login keeps its id: WorkspaceSessionTest); the sections the role may not read answer 403 and are left out
  const year = new Date().getUTCFullYear();
  const [c, estimates, payments, presence, decisions, log] = await Promise.all([api(base), optional(`${base}/estimates`),
    optional(`${base}/payments`), optional(`${base}/presence-days?taxYear=${year}`), optional(`${base}/policy-decisions`),
    optional(`${base}/decision-log`)]);
  view.replaceChildren(header(c), tasks(c), approvals(c), timeline(c), travellers(c), documents(c, base),
    estimatesPart(estimates), paymentsPart(payments), presencePart(c, base, presence), orders(c, base), leasePart(c), benefitsPart(c), keyDates(c),
    policyDecisions(decisions), decisionLog(log));
  document.title = `${c.caseNumber} · Cases`;
}

function header(c) {
  const contacts = c.contacts || {};
  const facts = [
    ['Employee', c.employeeName],
    ['Route', routeOf(c)],
    ['Type', words(c.assignmentType)],
    ['Dates', `${day(c.startDate)} – ${c.endDate ? day(c.endDate) : 'open-ended'}`],
    ['Status', `${words(c.status)}${c.outcomeReason ? ` (${c.outcomeReason})` : ''}`],
    ['Open phases', (c.currentPhases || []).map(words).join(', ') || '—'],
    ['Specialist', person(contacts.specialist)],
    ['Line manager', person(contacts.lineManager)],
    ['Cost centre', c.costCentre],
    ['Budget', money(c.budget)],
    ['Final cost', money(c.finalCost)],
    ['Base salary', money(c.baseSalary)],
    ['Opened', when(c.createdAt)],
    ['Closed', when(c.closedAt)],
  ].filter(([, value]) => value);
  return el('header', { class: 'case-header' },
    el('p', {}, el('a', { href: '#' }, '← All cases')),
    el('h2', { id: 'case-number' }, c.caseNumber),
    el('dl', { class: 'facts' }, facts.map(([term, value]) => el('div', {}, el('dt', {}, term), el('dd', {}, value)))));
}

function taskRow(t) {
  return el('tr', {},
    el('td', {}, el('a', { href: TASKLIST + encodeURIComponent(t.id), class: 'task-link' }, t.name || t.taskKey)),
    el('td', {}, t.assignee || (t.candidateGroups || []).map((g) => `${g} (to claim)`).join(', ')),
    el('td', {}, when(t.created)),
    el('td', {}, when(t.due)));
}

function tasks(c) {
  const open = (c.openTasks || []).filter((t) => !(t.taskKey || '').startsWith('approve-'));
  return section('tasks', 'Open tasks',
    el('p', { class: 'hint' }, 'A task opens in the Tasklist; you can work on it there if it is yours or your group may claim it.'),
    table('open-tasks', ['Task', 'Assignee or group', 'Created', 'Due'], open.map(taskRow)));
}

function approvals(c) {
  if (!c.approvals) {
    return '';
  }
  const pending = (c.openTasks || []).filter((t) => (t.taskKey || '').startsWith('approve-'));
  return section('approvals', 'Approvals',
    el('h4', {}, 'Given'),
    table('approvals-given', ['Step', 'Decision', 'By', 'When', 'Comment'], c.approvals.map((a) => el('tr', {},
      el('td', {}, words(a.step)), el('td', {}, words(a.decision)), el('td', {}, a.decidedBy), el('td', {}, when(a.decidedAt)),
      el('td', {}, a.comment || '')))),
    el('h4', {}, 'Pending'),
    table('approvals-pending', ['Approval', 'With', 'Asked', 'Due'], pending.map(taskRow)));
}

function timeline(c) {
  const phases = table('phases', ['Phase', 'Entered', 'Completed'], (c.phases || []).map((p) => el('tr', {},
    el('td', {}, words(p.phase)), el('td', {}, when(p.enteredAt)), el('td', {}, p.completedAt ? when(p.completedAt) : 'open'))));
  const submissions = c.submissions || [];
  const steps = (c.timeline || []).slice().reverse();
  const body = el('tbody');
  const more = el('button', { type: 'button', id: 'timeline-more' }, 'Show older steps');
  let shown = 0;
  const showMore = () => {
    steps.slice(shown, shown + TIMELINE_PAGE).forEach((e) => {
      const submitted = submissions.find((s) => s.taskKey === e.elementId && e.kind === 'TASK_COMPLETED'
        && Math.abs(new Date(s.submittedAt) - new Date(e.at)) < 60000);
      body.append(el('tr', {},
        el('td', {}, when(e.at)), el('td', {}, words(e.kind)), el('td', {}, e.name || e.elementId || ''),
        el('td', {}, words(e.phase)), el('td', {}, e.actor || 'the system'),
        el('td', {}, submitted ? fieldsOf(submitted.fields) : '')));
    });
    shown += TIMELINE_PAGE;
    more.hidden = shown >= steps.length;
  };
  more.addEventListener('click', showMore);
  showMore();
  return section('timeline', 'Timeline',
    el('h4', {}, 'Phases'), phases,
    el('h4', {}, 'Steps, newest first'),
    el('table', { class: 'grid', id: 'steps' },
      el('thead', {}, el('tr', {}, ['When', 'What', 'Step', 'Phase', 'Who', 'Submitted'].map((h) => el('th', {}, h)))), body),
    more);
}

function fieldsOf(fields) {
  const entries = Object.entries(fields || {});
  if (!entries.length) {
    return '';
  }
  return el('details', {}, el('summary', {}, `${entries.length} field(s)`),
    el('dl', { class: 'fields' }, entries.map(([k, v]) => [el('dt', {}, k), el('dd', {}, shown(v))])));
}

function travellers(c) {
  const list = c.travellers || [];
  return section('travellers', 'Travellers and permits',
    table('traveller-list', ['Traveller', 'Name', 'Nationality', 'Born', 'Permit', 'Processing', 'Passport'], list.map((t) => el('tr', {},
      el('td', {}, words(t.relationship)), el('td', {}, t.fullName || ''), el('td', {}, t.nationality || ''), el('td', {}, day(t.birthDate)),
      el('td', {}, t.permit ? `${t.permit.name} (${t.permit.code})` : (t.permitRequired === false ? 'none needed' : 'not decided yet')),
      el('td', {}, t.permit && t.permit.processingDaysMin ? `${number(t.permit.processingDaysMin)}–${number(t.permit.processingDaysMax)} days` : ''),
      el('td', {}, t.passportOnFile === undefined ? '' : (t.passportOnFile ? `on file, expires ${day(t.passportExpiry)}` : 'missing'))))));
}

function travellerName(c, travellerId) {
  const t = (c.travellers || []).find((x) => x.id === travellerId);
  return t ? (t.fullName || words(t.relationship)) : '';
}

function statusOf(d) {
  return [el('span', { class: `status status-${(d.status || '').toLowerCase()}` }, words(d.status)), d.note ? ` – ${d.note}` : ''];
}

function documents(c, base) {
  if (!c.documents) {
    return '';
  }
  const preview = el('div', { id: 'preview', class: 'preview' });
  const reviews = canReview();
  const rows = c.documents.map((d) => {
    const status = el('td', { class: 'document-status' }, statusOf(d));
    return el('tr', { 'data-document-id': d.id },
      el('td', {}, words(d.documentType)), el('td', {}, travellerName(c, d.travellerId)),
      status,
      el('td', {}, d.file ? `v${number(d.file.version)}, ${d.file.contentType}, ${number(Math.ceil(d.file.sizeBytes / 1024))} KB, ${when(d.file.uploadedAt)}` : '—'),
      el('td', {}, d.file ? [
        el('button', { type: 'button', class: 'link', onclick: () => openFile(`${base}/documents/${d.id}/file`, d, 'download', preview) }, 'Download'),
        ' ',
        el('button', { type: 'button', class: 'link', onclick: () => openFile(`${base}/documents/${d.id}/file`, d, 'preview', preview) }, 'Preview'),
      ] : ''),
      reviews ? el('td', { class: 'review' }, d.status === 'REQUESTED' ? el('span', { class: 'hint' }, 'nothing provided yet') : review(base, d, status)) : '');
  });
  const headings = ['Document', 'Traveller', 'Status', 'File', ''].concat(reviews ? ['Review'] : []);
  return section('documents', 'Documents',
    reviews ? el('p', { class: 'hint' }, 'Accept a provided document, or reject it with the reason the employee will read; '
      + 'the immigration documents task is then decided in the Tasklist.') : '',
    table('document-list', headings, rows), preview);
}

/** Who may review documents (the API's rule for POST …/documents/{id}/review). */
const canReview = () => hasRole('mobility-specialist', 'admin');

/**
 * Accept, or a reason and reject, for one document; the API's refusal (its problem details) is shown beside the buttons,
 * the new status in the row.
 */
function review(base, d, statusCell) {
  const label = words(d.documentType);
  const reason = el('input', { type: 'text', class: 'reason', name: `reason-${d.id}`, maxlength: 500, placeholder: 'Reason to reject',
    'aria-label': `Reason to reject the ${label}` });
  const error = el('span', { class: 'review-error error', role: 'alert' });
  const accept = el('button', { type: 'button', class: 'accept' }, 'Accept');
  const reject = el('button', { type: 'button', class: 'reject' }, 'Reject');
  const send = async (decision) => {
    error.textContent = '';
    accept.disabled = true;
    reject.disabled = true;
    try {
      const text = reason.value.trim();
      const outcome = await api(`${base}/documents/${d.id}/review`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ decision, reason: text === '' ? null : text }),
      });
      d.status = outcome.status;
      d.note = text === '' ? null : text;
      statusCell.replaceChildren(...statusOf(d));
      reason.value = '';
    } catch (e) {
      if (e.status === 401) {
        fail(e);
        return;
      }
      const fields = (e.body && e.body.fieldErrors) || {};
      error.textContent = fields.reason ? fieldSentence('Reason', fields.reason) : e.message;
      if (fields.reason) {
        reason.focus();
      }
    } finally {
      accept.disabled = false;
      reject.disabled = false;
    }
  };
  accept.addEventListener('click', () => send('accept'));
  reject.addEventListener('click', () => send('reject'));
  return el('div', { class: 'review-controls' }, accept, ' ', reason, ' ', reject, ' ', error);
}

/** Reads a file through fetch (a plain link cannot send X-Requested-With) and shows or saves it from memory. */
async function openFile(href, d, mode, preview) {
  try {
    const blob = await fetchFile(href);
    if (mode === 'download') {
      const extension = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' }[blob.type] || 'bin';
      saveAs(blob, `${d.documentType}-v${d.file.version}.${extension}`);
      return;
    }
    const url = URL.createObjectURL(blob);
    const shown = blob.type.startsWith('image/')
      ? el('img', { src: url, alt: words(d.documentType) })
      : el('iframe', { src: url, title: words(d.documentType) });
    preview.replaceChildren(el('p', {}, words(d.documentType), ' ',
      el('button', { type: 'button', class: 'link', onclick: () => { URL.revokeObjectURL(url); preview.replaceChildren(); } }, 'Close')), shown);
  } catch (error) {
    fail(error);
  }
}

function estimatesPart(estimates) {
  if (!estimates) {
    return '';
  }
  const versions = estimates.slice().reverse();
  return section('estimates', 'Estimates',
    table('estimate-versions', ['Version', 'Why', 'Total', 'Reporting total', 'Over budget', 'By', 'When', 'Approved'],
      versions.map((e) => el('tr', { class: e.approvedAt ? 'approved' : '' },
        el('td', {}, `v${e.version}`), el('td', {}, e.reason || ''), el('td', { class: 'num' }, money(e.total)),
        el('td', { class: 'num' }, money(e.reportingTotal)), el('td', {}, e.exceedsBudget ? 'yes' : 'no'),
        el('td', {}, e.createdBy || ''), el('td', {}, when(e.createdAt)),
        el('td', {}, e.approvedAt ? el('span', { class: 'badge' }, `approved ${when(e.approvedAt)}`) : '')))),
    versions.length ? el('details', {}, el('summary', {}, `Lines of v${versions[0].version}`),
      table('estimate-lines', ['Category', 'Amount', 'Reporting', 'Basis'], versions[0].lines.map((l) => el('tr', {},
        el('td', {}, words(l.category)), el('td', { class: 'num' }, amount(l.amount, l.currency)),
        el('td', { class: 'num' }, amount(l.reportingAmount, versions[0].reportingTotal && versions[0].reportingTotal.currency)),
        el('td', {}, l.basis || ''))))) : '');
}

/**
 * The payments ledger of the case: budget (the approved estimate), committed, actual and variance in the reporting
 * currency (budget and variance only for the roles that see the financials), then every payment by due date. A recovery
 * (direction INCOMING: money the employee owes, e.g. a tax equalisation settlement, deducted through payroll) is shown
 * with a minus sign and "owed by the employee"; the totals are net of recoveries.
 */
function paymentsPart(ledger) {
  if (!ledger) {
    return '';
  }
  const figures = [
    ['Budget (approved estimate)', ledger.budget],
    ['Committed (planned and approved)', ledger.committed],
    ['Actual (paid)', ledger.actual],
    ['Variance', ledger.variance],
  ].filter(([, value]) => value !== null && value !== undefined);
  const payments = ledger.payments || [];
  const incoming = (p) => p.direction === 'INCOMING';
  const signed = (value, currency, p) => (incoming(p) ? `\u2212${amount(value, currency)}` : amount(value, currency));
  return section('payments', 'Payments',
    el('dl', { class: 'facts', id: 'payment-totals' }, figures.map(([term, value]) =>
      el('div', {}, el('dt', {}, term), el('dd', {}, amount(value, ledger.currency))))),
    ledger.variancePercent !== null && ledger.variancePercent !== undefined
      ? el('p', { class: Number(ledger.variancePercent) < 0 ? 'error' : 'hint', id: 'payment-variance' },
        `${number(ledger.variancePercent)} % of the budget is ${Number(ledger.variancePercent) < 0 ? 'overspent' : 'left'}.`) : '',
    payments.some(incoming)
      ? el('p', { class: 'hint', id: 'payment-recoveries' },
        'Recoveries are owed by the employee and deducted through payroll: they count negative in committed and actual.') : '',
    table('payment-list', ['Due', 'What', 'Category', 'Amount', 'Reporting', 'Route', 'Status', 'Paid on'],
      payments.map((p) => el('tr', { class: [p.status === 'CANCELLED' ? 'cancelled' : '', incoming(p) ? 'recovery' : ''].join(' ').trim() },
        el('td', {}, day(p.dueDate)),
        el('td', {}, p.description || words(p.kind), incoming(p) ? [' ', el('span', { class: 'badge recovery' }, 'recovery: owed by the employee')] : ''),
        el('td', {}, words(p.category)),
        el('td', { class: 'num' }, signed(p.amount, p.currency, p)), el('td', { class: 'num' }, signed(p.reportingAmount, p.reportingCurrency, p)),
        el('td', {}, incoming(p) ? 'payroll deduction' : words(p.route)), el('td', {}, words(p.status)),
        el('td', {}, p.paidOn ? day(p.paidOn) : '')))));
}

/**
 * Presence days (GET/POST …/presence-days; the roles that may record them, else the section is left out): each
 * traveller's days per country in a tax year against the limit (183 or the treaty's), the threshold key dates (the day
 * a threshold is reached, or projected at the current pace), and a form recording the days of a date range. The API's
 * 400 names each bad field: its sentence is shown next to that field; after a recording the section is read again.
 */
function presencePart(c, base, presence) {
  if (!presence) {
    return '';
  }
  const holder = el('div', { id: 'presence-days-body' });
  const render = (counts, caseNow, message) => holder.replaceChildren(...presenceBody(caseNow, base, counts, message, render));
  render(presence, c, null);
  return section('presence-days', 'Presence days',
    el('p', { class: 'hint' }, 'Days a traveller is, or is planned to be, in a country, counted per tax year of that country against '
      + '183 days or its treaty limit. A travel day counts in both countries. Warnings go to the specialists and managers at each '
      + 'threshold; for assignees the thresholds are key dates.'), holder);
}

const PRESENCE_KEY_DATE = /^presence-threshold-(\d+)-([a-z]{2})-(\d{4})$/;

/** The threshold key dates of one count: "150 days: <date>", from the case's key dates. */
function presenceWarnings(c, count) {
  return (c.keyDates || []).map((k) => ({ k, m: PRESENCE_KEY_DATE.exec(k.kind || '') }))
    .filter(({ k, m }) => m && m[2] === count.country.toLowerCase() && Number(m[3]) === count.taxYear && k.travellerId === count.travellerId)
    .sort((a, b) => Number(a.m[1]) - Number(b.m[1]))
    .map(({ k, m }) => `${number(Number(m[1]))} days: ${day(k.dueDate)}`).join('; ');
}

function presenceBody(c, base, presence, message, render) {
  const years = [presence.taxYear - 1, presence.taxYear, presence.taxYear + 1];
  const yearSelect = el('select', { id: 'presence-year', 'aria-label': 'Tax year' },
    years.map((y) => el('option', { value: y, selected: y === presence.taxYear }, String(y))));
  const reload = async (year, note) => {
    try {
      const [caseNow, counts] = await Promise.all([api(base), api(`${base}/presence-days?taxYear=${year}`)]);
      render(counts, caseNow, note);
    } catch (error) {
      fail(error);
    }
  };
  yearSelect.addEventListener('change', () => reload(Number(yearSelect.value), null));
  const rows = presence.counts.map((n) => el('tr', { 'data-country': n.country, 'data-traveller-id': n.travellerId },
    el('td', {}, travellerName(c, n.travellerId) || words(n.relationship)), el('td', {}, n.country), el('td', {}, String(n.taxYear)),
    el('td', { class: 'num presence-count' }, number(n.days)), el('td', { class: 'num' }, number(n.limit)),
    el('td', { class: `presence-${n.status.toLowerCase()}` }, words(n.status)),
    el('td', {}, n.nextThreshold ? number(n.nextThreshold) : '—'),
    el('td', {}, n.lastDay ? day(n.lastDay) : ''),
    el('td', {}, n.limitReachedIfStaying ? day(n.limitReachedIfStaying) : ''),
    el('td', { class: 'presence-warnings' }, presenceWarnings(c, n))));
  return [
    el('p', {}, el('label', {}, 'Tax year ', yearSelect)),
    table('presence-list', ['Traveller', 'Country', 'Tax year', 'Days', 'Limit', 'Status', 'Next warning at', 'Last day',
      'Limit reached if staying', 'Warning dates'], rows),
    message ? el('p', { class: 'ok', id: 'presence-recorded', role: 'status' }, message) : '',
    presenceForm(c, base, reload),
  ];
}

/** The recording form: traveller (absent: the employee), country, from and to (the same day for one day), as the API takes them. */
function presenceForm(c, base, reload) {
  const error = (field) => el('span', { class: 'field-error error', id: `presence-error-${field}`, role: 'alert' });
  const errors = { travellerId: error('travellerId'), country: error('country'), from: error('from'), to: error('to') };
  const general = el('p', { class: 'error', id: 'presence-error', role: 'alert' });
  const traveller = el('select', { name: 'travellerId' }, (c.travellers || []).map((t) =>
    el('option', { value: t.relationship === 'EMPLOYEE' ? '' : t.id }, `${t.fullName || words(t.relationship)} (${words(t.relationship)})`)));
  const country = el('select', { name: 'country' }, el('option', { value: '' }, 'Choose…'),
    COUNTRIES.map((x) => el('option', { value: x.code }, `${x.name} (${x.code})`)));
  const from = el('input', { type: 'date', name: 'from' });
  const to = el('input', { type: 'date', name: 'to' });
  const submit = el('button', { type: 'submit', id: 'presence-record' }, 'Record the days');
  const inputs = { travellerId: traveller, country, from, to };
  const labelled = (text, field, input) => el('label', {}, text, input, errors[field]);
  const form = el('form', { id: 'presence-form', class: 'presence-form', novalidate: true },
    el('h4', {}, 'Record days of presence'),
    labelled('Traveller', 'travellerId', traveller), labelled('Country', 'country', country),
    labelled('From', 'from', from), labelled('To (the same day for one day)', 'to', to), submit, general);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    Object.values(errors).forEach((e) => { e.textContent = ''; });
    Object.values(inputs).forEach((i) => i.classList.remove('invalid'));
    general.textContent = '';
    submit.disabled = true;
    try {
      const body = { travellerId: traveller.value === '' ? null : Number(traveller.value), country: country.value || null,
        from: from.value || null, to: to.value || null };
      const recorded = await api(`${base}/presence-days`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      });
      const year = recorded.counts.length ? recorded.counts[0].taxYear : new Date().getUTCFullYear();
      await reload(year, `${number(recorded.added)} new day(s) recorded in ${body.country}`
        + `${recorded.warnings.length ? `; ${number(recorded.warnings.length)} warning(s) sent` : ''}.`);
    } catch (e) {
      if (e.status === 401) {
        fail(e);
        return;
      }
      const fields = (e.body && e.body.fieldErrors) || {};
      const labels = { travellerId: 'Traveller', country: 'Country', from: 'From', to: 'To' };
      let placed = false;
      Object.entries(fields).forEach(([name, text]) => {
        if (errors[name]) {
          errors[name].textContent = fieldSentence(labels[name], text);
          inputs[name].classList.add('invalid');
          placed = true;
        } else {
          general.textContent = `${general.textContent} ${fieldSentence(name, text)}`.trim();
        }
      });
      if (!placed && !general.textContent) {
        general.textContent = e.message;
      }
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function orders(c, base) {
  const part = section('service-orders', 'Service orders',
    table('order-list', ['Reference', 'Service', 'Vendor', 'Status', 'Detail', 'Cost', 'Requested', 'Answered', 'Delivery'],
      (c.serviceOrders || []).map((o) => el('tr', { 'data-reference': o.reference },
        el('td', {}, o.reference), el('td', {}, words(o.serviceType)), el('td', {}, o.vendor), el('td', {}, words(o.status)),
        el('td', {}, o.detail || ''), el('td', { class: 'num' }, money(o.cost)), el('td', {}, when(o.requestedAt)), el('td', {}, when(o.answeredAt)),
        el('td', { class: 'delivery' }, delivery(c, base, o, (caseNow) => part.replaceWith(orders(caseNow, base))))))));
  return part;
}

/** A confirmed delivery ("4/5 on <day>"), or for the case's employee (and specialists, admins) a form to confirm and rate it. */
function delivery(c, base, o, rerender) {
  if (o.delivery) {
    return el('span', { class: 'delivered', title: o.delivery.comment || '' },
      `${o.delivery.rating}/5, delivered ${day(o.delivery.deliveredOn)}${o.delivery.comment ? ` · “${o.delivery.comment}”` : ''}`);
  }
  if (!o.deliverable || !(me.userId === c.employeeUserId || hasRole('mobility-specialist', 'admin'))) {
    return '';
  }
  const deliveredOn = el('input', { type: 'date', name: 'deliveredOn', 'aria-label': 'Delivered on' });
  const rating = el('select', { name: 'rating', 'aria-label': 'Rating' }, el('option', { value: '' }, 'Rate…'),
    [5, 4, 3, 2, 1].map((n) => el('option', { value: n }, `${n}/5`)));
  const comment = el('input', { type: 'text', name: 'comment', maxlength: 500, placeholder: 'Comment (optional)', 'aria-label': 'Comment' });
  const submit = el('button', { type: 'submit' }, 'Confirm delivery');
  const problem = el('span', { class: 'error delivery-error', role: 'alert' });
  const form = el('form', { class: 'delivery-form', novalidate: true }, deliveredOn, rating, comment, submit, problem);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.textContent = '';
    submit.disabled = true;
    try {
      await api(`${base}/service-orders/${encodeURIComponent(o.reference)}/delivery`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ deliveredOn: deliveredOn.value || null, rating: rating.value ? Number(rating.value) : null,
          comment: comment.value || null }),
      });
      rerender(await api(base));
    } catch (e) {
      if (e.status === 401) {
        fail(e);
        return;
      }
      const labels = { deliveredOn: 'Delivered on', rating: 'Rating', comment: 'Comment' };
      const fields = (e.body && e.body.fieldErrors) || {};
      problem.textContent = Object.entries(fields).map(([name, text]) => fieldSentence(labels[name] || name, text)).join(' ')
        || (e.body && e.body.detail) || e.message;
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/** The lease recorded after the home search (readers of personal details), its rent against the policy's housing cap. */
function leasePart(c) {
  const l = c.lease;
  if (!l) {
    return '';
  }
  return section('lease', 'Lease',
    table('lease-list', ['Address', 'Monthly rent', 'Deposit', 'From', 'Until', 'Rent in EUR', 'Housing cap', 'Status'], [el('tr', {},
      el('td', {}, l.address), el('td', { class: 'num' }, money(l.monthlyRent)), el('td', { class: 'num' }, money(l.deposit)),
      el('td', {}, day(l.leaseStart)), el('td', {}, day(l.leaseEnd)), el('td', { class: 'num' }, money(l.rentInPolicyCurrency)),
      el('td', { class: 'num' }, money(l.housingCap)),
      el('td', {}, words(l.status) + (l.exceptionId ? ` (policy exception ${l.exceptionId})` : '')))]));
}

const PLANS = { 'host-national': 'Host-country national plan', international: 'International plan', 'home-continued': 'Home-country plan continued' };

/** The employee's benefits choices and each traveller's enrolment: the plan chosen for them, its status and cover start. */
function benefitsPart(c) {
  const b = c.benefitsEnrolment;
  if (!b) {
    return '';
  }
  return section('benefits', 'Benefits enrolment',
    el('p', { id: 'benefits-choice' }, `Chosen by ${b.confirmedBy} on ${when(b.confirmedAt)}: ${PLANS[b.healthPlan] || words(b.healthPlan)} for the employee, `
      + `pension ${b.pensionContinuation === 'host' ? 'in the host country' : 'continued at home'}.`),
    table('benefits-travellers', ['Traveller', 'Name', 'Plan', 'Status', 'Cover from'], (b.travellers || []).map((t) => {
      const traveller = (c.travellers || []).find((x) => x.id === t.travellerId);
      return el('tr', { 'data-traveller': String(t.travellerId) },
        el('td', {}, traveller ? words(traveller.relationship) : ''), el('td', {}, travellerName(c, t.travellerId)),
        el('td', {}, t.status === 'NOT_ENROLLED' ? 'not enrolled' : (PLANS[t.plan] || words(t.plan))), el('td', {}, words(t.status)),
        el('td', {}, t.status === 'NOT_ENROLLED' ? '' : day(t.coverStart)));
    })));
}

function keyDates(c) {
  if (!c.keyDates) {
    return '';
  }
  return section('key-dates', 'Key dates',
    table('key-date-list', ['Date', 'What', 'Traveller', 'Note'], c.keyDates.map((k) => el('tr', {},
      el('td', {}, day(k.dueDate)), el('td', {}, words(k.kind)), el('td', {}, k.travellerId ? travellerName(c, k.travellerId) : ''),
      el('td', {}, k.note || '')))));
}

function policyDecisions(decisions) {
  if (!decisions) {
    return '';
  }
  return section('policy-decisions', 'Policy decisions',
    table('policy-decision-list', ['Decision', 'Version', 'Inputs', 'Outputs', 'When'], decisions.map((d) => el('tr', {},
      el('td', {}, d.decisionName || d.decisionKey), el('td', {}, `v${d.version}`),
      el('td', {}, fieldsOf(d.inputs)), el('td', {}, fieldsOf(d.outputs)), el('td', {}, when(d.evaluatedAt))))));
}

function decisionLog(log) {
  if (!log) {
    return '';
  }
  return section('decision-log', 'Decision log',
    el('p', { class: log.verified ? 'ok' : 'error' }, log.verified
      ? 'The log is complete and unaltered (its hash chain verifies).'
      : `The log does not verify from entry ${log.brokenAtSequence}: ${log.problem}`),
    table('decision-log-list', ['#', 'Kind', 'Subject', 'Summary', 'By', 'When'], log.entries.map((e) => el('tr', {},
      el('td', { class: 'num' }, number(e.sequence)), el('td', {}, words(e.kind)), el('td', {}, e.subject || ''), el('td', {}, e.summary || ''),
      el('td', {}, e.actor || ''), el('td', {}, when(e.occurredAt))))));
}

// -------------------------------------------------------------------------------------------------------- new case
const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });
const COUNTRIES = 'AD AE AR AT AU BE BG BR CA CH CL CN CO CY CZ DE DK EE EG ES FI FR GB GR HK HR HU ID IE IL IN IS IT JP KE KR LT LU LV MA MT MX MY NG NL NO NZ PE PH PL PT RO RS SA SE SG SI SK TH TR TW UA US VN ZA'
  .split(' ').map((code) => ({ code, name: countryNames.of(code) })).sort((a, b) => a.name.localeCompare(b.name));

function fillCountries() {
  document.querySelectorAll('select[data-countries]').forEach((select) => {
    if (select.options.length === 0) {
      select.replaceChildren(el('option', { value: '' }, 'Choose…'), ...COUNTRIES.map((c) => el('option', { value: c.code }, `${c.name} (${c.code})`)));
    }
  });
}

let dependents = 0;

function addDependent() {
  const n = dependents;
  dependents += 1;
  const row = el('div', { class: 'dependent', 'data-index': n },
    el('label', {}, 'Relationship ', el('select', { name: `dependents.${n}.relationship` },
      el('option', { value: 'PARTNER' }, 'Partner'), el('option', { value: 'CHILD' }, 'Child'))),
    el('label', {}, 'Full name ', el('input', { name: `dependents.${n}.fullName` })),
    el('label', {}, 'Nationality ', el('select', { name: `dependents.${n}.nationality`, 'data-countries': true })),
    el('label', {}, 'Born ', el('input', { name: `dependents.${n}.birthDate`, type: 'date' })),
    el('button', { type: 'button', class: 'link', onclick: () => row.remove() }, 'Remove'));
  $('#dependent-rows').append(row);
  fillCountries();
}

function intakeFrom(form) {
  const body = { dependents: [] };
  new FormData(form).forEach((value, name) => {
    const text = String(value).trim();
    const dependent = /^dependents\.(\d+)\.(\w+)$/.exec(name);
    if (dependent) {
      const index = Number(dependent[1]);
      let entry = body.dependents.find((d) => d.index === index);
      if (!entry) {
        entry = { index };
        body.dependents.push(entry);
      }
      entry[dependent[2]] = text || null;
    } else {
      body[name] = text === '' ? null : text;
    }
  });
  body.dependents = body.dependents.map(({ index, ...d }) => d);
  ['gradeLevel'].forEach((n) => { if (body[n] !== null) body[n] = Number(body[n]); });
  ['budgetAmount', 'baseSalaryAmount'].forEach((n) => { if (body[n] !== null) body[n] = Number(body[n]); });
  return body;
}

async function openCase(event) {
  event.preventDefault();
  const form = event.target;
  const errors = $('#new-errors');
  errors.replaceChildren();
  form.querySelectorAll('.invalid').forEach((e) => e.classList.remove('invalid'));
  $('#new-result').replaceChildren();
  $('#open-case').disabled = true;
  try {
    const opened = await api('/api/cases', {
      method: 'POST', body: JSON.stringify(intakeFrom(form)), headers: { 'Content-Type': 'application/json' },
    });
    $('#new-result').replaceChildren(el('p', { class: 'ok', id: 'opened' }, `Case ${opened.caseNumber} opened. `,
      el('a', { href: `#${opened.caseNumber}` }, `Open ${opened.caseNumber}`)));
    form.reset();
    $('#dependent-rows').replaceChildren();
  } catch (error) {
    if (error.status === 401) {
      fail(error);
      return;
    }
    const fields = (error.body && error.body.fieldErrors) || {};
    Object.entries(fields).forEach(([name, message]) => {
      const input = form.querySelector(`[name="${CSS.escape(name)}"]`);
      if (input) {
        input.classList.add('invalid');
      }
    });
    errors.replaceChildren(...(Object.keys(fields).length
      ? Object.entries(fields).map(([name, message]) => el('li', {}, fieldSentence(name, message)))
      : [el('li', {}, error.message)]));
  } finally {
    $('#open-case').disabled = false;
  }
}

// --------------------------------------------------------------------------------------------------- calendar feed
const FEED_ROLES = ['mobility-specialist', 'manager', 'hr-admin', 'admin']; // the API's rule for /api/me/calendar-feeds
const TEAM_ROLES = ['mobility-specialist', 'hr-admin', 'admin']; // who may subscribe to every case they follow
const scopeName = (scope) => (scope === 'team' ? 'Every case I follow' : 'My cases');

async function loadFeeds() {
  const feeds = await api('/api/me/calendar-feeds');
  $('#calendar-feeds tbody').replaceChildren(...(feeds.length ? feeds.map((f) => el('tr', { 'data-feed-id': f.id },
    el('td', {}, scopeName(f.scope)), el('td', {}, when(f.createdAt)), el('td', {}, f.lastUsedAt ? when(f.lastUsedAt) : 'not yet'),
    el('td', {}, el('button', { type: 'button', class: 'revoke', onclick: () => revokeFeed(f) }, 'Revoke'))))
    : [el('tr', {}, el('td', { colspan: 4, class: 'hint' }, 'No feed yet.'))]));
}

async function calendarCall(action) {
  $('#calendar-error').textContent = '';
  try {
    await action();
  } catch (error) {
    if (error.status === 401) {
      fail(error);
      return;
    }
    $('#calendar-error').textContent = error.message;
  }
}

function createFeed() {
  return calendarCall(async () => {
    const created = await api('/api/me/calendar-feeds', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ scope: $('#calendar-scope').value }),
    });
    const address = el('input', { type: 'text', id: 'calendar-url', readonly: true, value: created.url, 'aria-label': 'The feed address' });
    const copy = el('button', { type: 'button', id: 'calendar-copy' }, 'Copy');
    copy.addEventListener('click', async () => {
      address.select();
      try {
        await navigator.clipboard.writeText(created.url);
        copy.textContent = 'Copied';
      } catch (e) {
        copy.textContent = 'Press Ctrl+C to copy';
      }
    });
    $('#calendar-created').replaceChildren(el('p', { class: 'ok' }, `${scopeName(created.scope)}: subscribe to this address in your calendar `
      + 'application. It is shown only now; any earlier address of this kind no longer works.'), el('div', { class: 'feed-url' }, address, ' ', copy));
    await loadFeeds();
  });
}

function revokeFeed(feed) {
  return calendarCall(async () => {
    await api(`/api/me/calendar-feeds/${feed.id}`, { method: 'DELETE' });
    $('#calendar-created').replaceChildren(el('p', { class: 'ok', id: 'calendar-revoked' },
      `The ${scopeName(feed.scope).toLowerCase()} feed created ${when(feed.createdAt)} is revoked: its address no longer works.`));
    await loadFeeds();
  });
}

function toggleCalendar() {
  const panel = $('#calendar');
  panel.hidden = !panel.hidden;
  $('#calendar-button').setAttribute('aria-expanded', String(!panel.hidden));
  if (!panel.hidden) {
    calendarCall(loadFeeds);
  }
}

// --------------------------------------------------------------------------------------------------------- routing
function show(view) {
  ['list', 'case', 'new'].forEach((v) => { $(`#view-${v}`).hidden = v !== view; });
}

async function route() {
  clearFailure();
  const hash = decodeURIComponent(window.location.hash.replace(/^#/, '')).trim();
  try {
    if (hash === 'new' && hasRole('mobility-specialist', 'hr-admin', 'admin')) {
      show('new');
      fillCountries();
      document.title = 'New case · Cases';
    } else if (hash && hash !== 'new') {
      // #RC-2027-0042 opens a case; #RC-2027-0042/documents opens it at a section (the forms link the documents)
      const [caseNumber, part] = hash.split('/');
      show('case');
      await loadCase(caseNumber);
      const target = part && document.getElementById(part);
      if (target && target.classList.contains('part')) {
        target.scrollIntoView();
        target.querySelector('h3')?.setAttribute('tabindex', '-1');
        target.querySelector('h3')?.focus({ preventScroll: true });
      }
    } else {
      show('list');
      document.title = 'Cases · Relocation engine';
      await loadList(0);
    }
  } catch (error) {
    fail(error);
  }
}

async function start() {
  try {
    me = await api('/api/me');
  } catch (error) {
    fail(error);
    return;
  }
  $('#who').textContent = me.name ? `${me.name} (${me.userId})` : me.userId;
  $('#new-case-link').hidden = !hasRole('mobility-specialist', 'hr-admin', 'admin');
  $('#vendors-link').hidden = !hasRole('hr-admin', 'finance', 'admin'); // the readers of vendor performance (/vendors/)
  $('#mine').checked = hasRole('mobility-specialist', 'manager');
  $('#calendar-button').hidden = !hasRole(...FEED_ROLES);
  if (!hasRole(...TEAM_ROLES)) {
    $('#calendar-scope option[data-team]').remove();
  }
  $('#calendar-button').addEventListener('click', toggleCalendar);
  $('#calendar-create').addEventListener('click', createFeed);
  $('#app').hidden = false;
  $('#search').addEventListener('submit', (event) => {
    event.preventDefault();
    loadList(0).catch(fail);
  });
  $('#mine').addEventListener('change', () => loadList(0).catch(fail));
  $('#prev').addEventListener('click', () => loadList(listPage - 1).catch(fail));
  $('#next').addEventListener('click', () => loadList(listPage + 1).catch(fail));
  $('#add-dependent').addEventListener('click', addDependent);
  $('#new-case').addEventListener('submit', openCase);
  window.addEventListener('hashchange', route);
  await route();
}

start();
