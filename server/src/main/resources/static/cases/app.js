// The case workspace: find a case (number, start of a number or host city, "my cases"), read one case on one page,
// and open a new one. Everything comes from /api/cases and /api/me (the same login as the Tasklist, through
// /pages/page.js). The page shows what the API answers for the caller's
// role and nothing else: a section whose data is absent is not shown.

import { clearFailure, el, fail, fetchFile, request, saveAs, when } from '/pages/page.js';

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

const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const day = (iso) => (iso ? dateOnly.format(new Date(`${iso}T00:00:00Z`)) : '');
const words = (code) => (code ? String(code).toLowerCase().replaceAll('_', ' ').replaceAll('-', ' ') : '');
const money = (m) => (m ? `${new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(m.amount)} ${m.currency}` : '');
const amount = (value, currency) => (value === undefined || value === null ? '' : money({ amount: value, currency }));
const person = (p) => (p ? (p.name ? `${p.name} (${p.userId})` : p.userId) : '—');
const routeOf = (c) => `${c.homeCountry}${c.homeCity ? ` ${c.homeCity}` : ''} → ${c.hostCountry} ${c.hostCity || ''}`.trim();

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
    : `${result.totalItems} case(s); page ${page + 1} of ${Math.max(result.totalPages, 1)}.`;
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
  // one after the other: the sections the role may not read answer 403 and are left out
  const c = await api(base);
  const estimates = await optional(`${base}/estimates`);
  const decisions = await optional(`${base}/policy-decisions`);
  const log = await optional(`${base}/decision-log`);
  view.replaceChildren(header(c), tasks(c), approvals(c), timeline(c), travellers(c), documents(c, base),
    estimatesPart(estimates), orders(c), keyDates(c), policyDecisions(decisions), decisionLog(log));
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
    el('dl', { class: 'fields' }, entries.map(([k, v]) => [el('dt', {}, k), el('dd', {}, typeof v === 'object' ? JSON.stringify(v) : String(v))])));
}

function travellers(c) {
  const list = c.travellers || [];
  return section('travellers', 'Travellers and permits',
    table('traveller-list', ['Traveller', 'Name', 'Nationality', 'Born', 'Permit', 'Processing', 'Passport'], list.map((t) => el('tr', {},
      el('td', {}, words(t.relationship)), el('td', {}, t.fullName || ''), el('td', {}, t.nationality || ''), el('td', {}, day(t.birthDate)),
      el('td', {}, t.permit ? `${t.permit.name} (${t.permit.code})` : (t.permitRequired === false ? 'none needed' : 'not decided yet')),
      el('td', {}, t.permit && t.permit.processingDaysMin ? `${t.permit.processingDaysMin}–${t.permit.processingDaysMax} days` : ''),
      el('td', {}, t.passportOnFile === undefined ? '' : (t.passportOnFile ? `on file, expires ${day(t.passportExpiry)}` : 'missing'))))));
}

function travellerName(c, travellerId) {
  const t = (c.travellers || []).find((x) => x.id === travellerId);
  return t ? (t.fullName || words(t.relationship)) : '';
}

function documents(c, base) {
  if (!c.documents) {
    return '';
  }
  const preview = el('div', { id: 'preview', class: 'preview' });
  const rows = c.documents.map((d) => el('tr', {},
    el('td', {}, words(d.documentType)), el('td', {}, travellerName(c, d.travellerId)),
    el('td', {}, el('span', { class: `status status-${(d.status || '').toLowerCase()}` }, words(d.status)), d.note ? ` – ${d.note}` : ''),
    el('td', {}, d.file ? `v${d.file.version}, ${d.file.contentType}, ${when(d.file.uploadedAt)}` : '—'),
    el('td', {}, d.file ? [
      el('button', { type: 'button', class: 'link', onclick: () => openFile(`${base}/documents/${d.id}/file`, d, 'download', preview) }, 'Download'),
      ' ',
      el('button', { type: 'button', class: 'link', onclick: () => openFile(`${base}/documents/${d.id}/file`, d, 'preview', preview) }, 'Preview'),
    ] : '')));
  return section('documents', 'Documents',
    table('document-list', ['Document', 'Traveller', 'Status', 'File', ''], rows), preview);
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

function orders(c) {
  return section('service-orders', 'Service orders',
    table('order-list', ['Reference', 'Service', 'Vendor', 'Status', 'Detail', 'Cost', 'Requested', 'Answered'],
      (c.serviceOrders || []).map((o) => el('tr', {},
        el('td', {}, o.reference), el('td', {}, words(o.serviceType)), el('td', {}, o.vendor), el('td', {}, words(o.status)),
        el('td', {}, o.detail || ''), el('td', { class: 'num' }, money(o.cost)), el('td', {}, when(o.requestedAt)), el('td', {}, when(o.answeredAt))))));
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
      el('td', { class: 'num' }, e.sequence), el('td', {}, words(e.kind)), el('td', {}, e.subject || ''), el('td', {}, e.summary || ''),
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
      ? Object.entries(fields).map(([name, message]) => el('li', {}, `${name}: ${message}`))
      : [el('li', {}, error.message)]));
  } finally {
    $('#open-case').disabled = false;
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
  $('#mine').checked = hasRole('mobility-specialist', 'manager');
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
