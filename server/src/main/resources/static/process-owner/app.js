// The process-owner page: deployed models, validate and compare a change, deploy it with a comment, the deployment
// log, and migrations of running cases. Everything comes from /api/model-changes (the same login as the Tasklist:
// the session cookie plus X-Requested-With, which a form on another site cannot send).

import { clearFailure, el, fail, fetchFile, request, saveAs, when } from '/pages/page.js';

const API = '/api/model-changes';
const $ = (selector, root = document) => root.querySelector(selector);

/** Calls the change API; answers the parsed body, or throws an Error carrying the status and the problem body. */
const api = (path, options = {}) => request(API + path, options);

const count = (n) => (n === undefined || n === null ? '' : new Intl.NumberFormat().format(n));

// ---------------------------------------------------------------------------------------------------------- tabs
function showTab(name) {
  document.querySelectorAll('[role=tab]').forEach((tab) => tab.setAttribute('aria-selected', String(tab.dataset.tab === name)));
  document.querySelectorAll('[role=tabpanel]').forEach((panel) => { panel.hidden = panel.id !== `tab-${name}`; });
  clearFailure();
  if (name === 'deployments') {
    loadDeployments(0).catch(fail);
  } else if (name === 'migrations') {
    loadMigrations().catch(fail);
  }
}

// --------------------------------------------------------------------------------------------------------- models
let catalogue = { processes: [], decisions: [], forms: [] };

function fileLink(kind, key, version) {
  const href = `${API}/models/${kind}/${encodeURIComponent(key)}/versions/${version}/file`;
  return el('button', { type: 'button', class: 'link', onclick: () => download(href, key, kind) }, 'download');
}

/** Downloads through fetch (the session login needs the X-Requested-With header a plain link does not send). */
async function download(href, key, kind) {
  try {
    const extension = { process: 'bpmn', decision: 'dmn', form: 'form' }[kind];
    saveAs(await fetchFile(href), `${key}.${extension}`);
  } catch (error) {
    fail(error);
  }
}

async function loadModels() {
  catalogue = await api('/models');
  const processes = $('#processes tbody');
  processes.replaceChildren(...catalogue.processes.flatMap((p) => p.versions.map((v, i) => el('tr', { class: v.latest ? 'latest' : '' },
    i === 0 ? el('th', { scope: 'row', rowspan: p.versions.length }, p.name || p.key, el('div', { class: 'key' }, p.key)) : null,
    el('td', {}, `v${v.version}`, v.latest ? el('span', { class: 'badge' }, 'latest') : null),
    el('td', {}, when(v.deployedAt)),
    el('td', { class: 'num' }, count(v.runningInstances)),
    el('td', {}, fileLink('process', p.key, v.version))))));
  const decisions = $('#decisions tbody');
  decisions.replaceChildren(...catalogue.decisions.flatMap((d) => d.versions.map((v, i) => el('tr', { class: v.latest ? 'latest' : '' },
    i === 0 ? el('th', { scope: 'row', rowspan: d.versions.length }, d.name || d.key, el('div', { class: 'key' }, d.key)) : null,
    el('td', {}, `v${v.version}`, v.latest ? el('span', { class: 'badge' }, 'latest') : null),
    el('td', {}, when(v.deployedAt)),
    el('td', { class: 'num' }, count(v.pinnedOpenCases)),
    el('td', {}, fileLink('decision', d.key, v.version))))));
  const forms = $('#forms tbody');
  forms.replaceChildren(...catalogue.forms.flatMap((f) => f.versions.map((v, i) => el('tr', {},
    i === 0 ? el('th', { scope: 'row', rowspan: f.versions.length }, f.key) : null,
    el('td', { class: 'key' }, v.deploymentId),
    el('td', {}, when(v.deployedAt)),
    el('td', {}, (v.usedBy || []).join(', ')),
    el('td', {}, v.version !== undefined ? fileLink('form', f.key, v.version) : '')))));
  fillMigrationChoices();
}

// --------------------------------------------------------------------------------------------------------- change
let lastReport = null;

function selectedFiles() {
  const data = new FormData();
  Array.from($('#files').files).forEach((file) => data.append('files', file, file.name));
  return data;
}

async function validateChange(event) {
  event.preventDefault();
  clearFailure();
  lastReport = null;
  $('#deploy-form').hidden = true;
  $('#deploy-result').replaceChildren();
  if ($('#files').files.length === 0) {
    $('#report').replaceChildren(el('p', { class: 'error' }, 'Choose one or more files first.'));
    return;
  }
  $('#report').replaceChildren(el('p', {}, 'Validating…'));
  try {
    lastReport = await api('/validations', { method: 'POST', body: selectedFiles() });
    renderReport(lastReport);
    await renderDiagram(lastReport);
    $('#deploy-form').hidden = false;
    updateDeployButton();
  } catch (error) {
    $('#report').replaceChildren(el('p', { class: 'error' }, error.message));
    if (error.status === 401 || error.status === 403) {
      fail(error);
    }
  }
}

function renderReport(report) {
  const problems = report.problems || [];
  const errors = problems.filter((p) => p.severity === 'ERROR');
  const warnings = problems.filter((p) => p.severity !== 'ERROR');
  const summary = errors.length === 0
    ? el('p', { class: 'ok', id: 'validation-summary' }, `No errors. ${warnings.length} warning(s). This change can be deployed.`)
    : el('p', { class: 'error', id: 'validation-summary' }, `${errors.length} error(s), ${warnings.length} warning(s): fix the named elements in Camunda Modeler and upload again.`);
  const problemTable = problems.length === 0 ? null : el('table', { class: 'grid', id: 'problems' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Severity'), el('th', {}, 'File'), el('th', {}, 'Element'), el('th', {}, 'Line'), el('th', {}, 'Problem'))),
    el('tbody', {}, problems.map((p) => el('tr', { class: p.severity === 'ERROR' ? 'error' : 'warning' },
      el('td', {}, p.severity === 'ERROR' ? 'error' : 'warning'),
      el('td', {}, p.file),
      el('td', { class: 'key' }, p.elementId || ''),
      el('td', { class: 'num' }, p.line ? `${p.line}:${p.column || 0}` : ''),
      el('td', {}, p.message, p.rule ? el('span', { class: 'rule' }, ` [${p.rule}]`) : null)))));
  const diffs = (report.diffs || []).map(renderDiff);
  $('#report').replaceChildren(summary, problemTable || '', ...diffs);
}

function renderDiff(diff) {
  const against = diff.againstVersion ? `compared with deployed version ${diff.againstVersion}` : 'new: nothing of this key is deployed';
  const sections = [];
  const list = (title, items, text) => {
    if (items && items.length) {
      sections.push(el('h4', {}, title), el('ul', {}, items.map((item) => el('li', {}, text(item)))));
    }
  };
  const element = (e) => [el('span', { class: 'key' }, e.id), e.name ? ` ${e.name}` : '', e.type ? el('span', { class: 'type' }, ` (${e.type})`) : ''];
  const changed = (c) => [...element(c), c.changes && c.changes.length ? el('ul', {}, c.changes.map((s) => el('li', {}, s))) : ''];
  list('Added', diff.added, element);
  list('Removed', diff.removed, element);
  list('Changed', diff.changed, changed);
  if (diff.layoutOnly && diff.layoutOnly.length) {
    sections.push(el('p', { class: 'hint' }, `Moved in the diagram only: ${diff.layoutOnly.join(', ')}`));
  }
  const rules = diff.rules || {};
  list('Rules added', rules.added, element);
  list('Rules removed', rules.removed, element);
  list('Rules changed', rules.changed, changed);
  list('Rules moved (the first matching rule wins)', rules.moved, (m) => (typeof m === 'string' ? m : [...element(m), m.from ? ` from ${m.from} to ${m.to}` : '']));
  const fields = diff.fields || {};
  list('Fields added', fields.added, element);
  list('Fields removed', fields.removed, element);
  list('Fields changed', fields.changed, changed);
  if (sections.length === 0) {
    sections.push(el('p', { class: 'hint' }, diff.againstVersion ? 'No difference from the deployed version.' : ''));
  }
  return el('section', { class: 'diff', 'data-file': diff.file },
    el('h3', {}, diff.file, ' ', el('span', { class: 'hint' }, `(${diff.kind} ${diff.key}, ${against})`)), ...sections);
}

/** Shows the first uploaded BPMN or DMN file, with the added and changed elements or rules marked. */
async function renderDiagram(report) {
  const box = $('#diagram');
  box.hidden = true;
  box.replaceChildren();
  const file = Array.from($('#files').files).find((f) => /\.(bpmn|dmn)$/i.test(f.name));
  if (!file) {
    return;
  }
  const xml = await file.text();
  const diff = (report.diffs || []).find((d) => d.file === file.name) || {};
  box.hidden = false;
  try {
    if (/\.bpmn$/i.test(file.name) && window.BpmnJS) {
      const viewer = new window.BpmnJS({ container: box });
      await viewer.importXML(xml);
      viewer.get('canvas').zoom('fit-viewport');
      const registry = viewer.get('elementRegistry');
      const mark = (items, marker) => (items || []).forEach((e) => { if (registry.get(e.id)) viewer.get('canvas').addMarker(e.id, marker); });
      mark(diff.added, 'diff-added');
      mark(diff.changed, 'diff-changed');
    } else if (/\.dmn$/i.test(file.name) && window.DmnJS) {
      const viewer = new window.DmnJS({ container: box });
      await viewer.importXML(xml);
      const table = viewer.getViews().find((v) => v.type === 'decisionTable');
      if (table) {
        await viewer.open(table);
      }
      const rules = diff.rules || {};
      const markRows = (items, marker) => (items || []).forEach((r) => box.querySelectorAll(`[data-row-id="${CSS.escape(r.id)}"]`)
        .forEach((cell) => cell.classList.add(marker)));
      markRows(rules.added, 'diff-added');
      markRows(rules.changed, 'diff-changed');
    }
  } catch (error) {
    box.replaceChildren(el('p', { class: 'hint' }, `The diagram cannot be shown: ${error.message}`));
  }
}

function commentValid(text) {
  const trimmed = text.trim();
  return trimmed.length >= 10 && trimmed.split(/\s+/).length >= 2;
}

function updateDeployButton() {
  const errors = lastReport ? (lastReport.problems || []).filter((p) => p.severity === 'ERROR').length : 1;
  $('#deploy').disabled = errors > 0 || !commentValid($('#comment').value);
}

async function deployChange(event) {
  event.preventDefault();
  clearFailure();
  const data = selectedFiles();
  data.append('comment', $('#comment').value.trim());
  $('#deploy').disabled = true;
  try {
    const result = await api('/deployments', { method: 'POST', body: data });
    const deployed = (result.deployed || []).map((d) => `${d.key} v${d.version}`).join(', ');
    $('#deploy-result').replaceChildren(el('p', { class: 'ok', id: 'deployed' }, `Deployed: ${deployed || 'nothing changed (the same files are deployed already)'}.`));
    $('#comment').value = '';
    $('#deploy-form').hidden = true;
    await loadModels();
  } catch (error) {
    const problems = error.body && error.body.problems;
    if (problems) {
      renderReport({ problems, diffs: lastReport ? lastReport.diffs : [] });
    }
    $('#deploy-result').replaceChildren(el('p', { class: 'error' }, error.message));
    updateDeployButton();
  }
}

// ---------------------------------------------------------------------------------------------------- deployments
let deploymentsPage = 0;

async function loadDeployments(page) {
  const log = await api(`/deployments?page=${page}&size=20`);
  deploymentsPage = log.page;
  $('#deployments tbody').replaceChildren(...log.items.map((d) => el('tr', {},
    el('td', {}, when(d.deployedAt)),
    el('td', {}, d.deployedBy),
    el('td', { class: 'comment' }, d.comment),
    el('td', {}, d.route),
    el('td', {}, (d.resources || []).filter((r) => r.key).map((r) => `${r.key}${r.version ? ` v${r.version}` : ''}`).join(', ')),
    el('td', {}, (d.warnings || []).length ? el('details', {}, el('summary', {}, `${d.warnings.length}`),
      el('ul', {}, d.warnings.map((w) => el('li', {}, `${w.file}: ${w.elementId || ''} ${w.message}`)))) : ''))));
  $('#deployments-page').textContent = log.totalPages ? `page ${log.page + 1} of ${log.totalPages}` : 'no deployments';
  $('#deployments-prev').disabled = log.page === 0;
  $('#deployments-next').disabled = log.page + 1 >= log.totalPages;
}

// ----------------------------------------------------------------------------------------------------- migrations
let proposal = null;
let polling = null;

function fillMigrationChoices() {
  const select = $('#migration-process');
  const current = select.value;
  select.replaceChildren(...catalogue.processes.filter((p) => p.versions.length > 1)
    .map((p) => el('option', { value: p.key, selected: p.key === current }, `${p.name || p.key} (${p.key})`)));
  fillVersions();
}

function fillVersions() {
  const process = catalogue.processes.find((p) => p.key === $('#migration-process').value);
  const versions = process ? process.versions : [];
  $('#migration-source').replaceChildren(...versions.filter((v) => !v.latest)
    .map((v) => el('option', { value: v.definitionId }, `v${v.version} (${count(v.runningInstances)} running)`)));
  $('#migration-target').replaceChildren(...versions.slice().sort((a, b) => b.version - a.version)
    .map((v) => el('option', { value: v.definitionId }, `v${v.version}${v.latest ? ' (latest)' : ''}`)));
}

async function propose(event) {
  event.preventDefault();
  clearFailure();
  proposal = null;
  $('#migrate-form').hidden = true;
  const request = {
    sourceDefinitionId: $('#migration-source').value,
    targetDefinitionId: $('#migration-target').value,
    updateEventTriggers: $('#update-event-triggers').checked,
  };
  try {
    proposal = { request, answer: await api('/migrations/proposals', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) }) };
    renderProposal(proposal.answer);
    $('#migrate-form').hidden = false;
    updateMigrateButton();
  } catch (error) {
    $('#proposal').replaceChildren(el('p', { class: 'error' }, error.message));
  }
}

function renderProposal(answer) {
  const activity = (a) => (a.name ? `${a.name} (${a.id})` : a.id);
  $('#proposal').replaceChildren(
    el('p', { id: 'proposal-summary', class: answer.notMovable ? 'warning' : 'ok' },
      `${count(answer.movable)} case(s) can move, ${count(answer.notMovable)} cannot.`),
    (answer.planProblems || []).length ? el('ul', { class: 'error' }, answer.planProblems.map((p) => el('li', {}, p))) : '',
    (answer.newTargetActivities || []).length ? el('p', {}, 'New in the target version: ', answer.newTargetActivities.map(activity).join(', ')) : '',
    (answer.unmappedSourceActivities || []).length ? el('p', {}, 'Not in the target version (cases waiting there cannot move): ',
      answer.unmappedSourceActivities.map(activity).join(', ')) : '',
    el('table', { class: 'grid', id: 'groups' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Waiting in'), el('th', { class: 'num' }, 'Cases'), el('th', {}, 'Can move'), el('th', {}, 'Why not / form changes'), el('th', {}, 'Case numbers'))),
      el('tbody', {}, (answer.groups || []).map((g) => el('tr', { class: g.movable ? '' : 'error' },
        el('td', { class: 'key' }, (g.activityIds || []).join(', ')),
        el('td', { class: 'num' }, count(g.instances)),
        el('td', {}, g.movable ? 'yes' : 'no'),
        el('td', {}, el('ul', {}, [...(g.failures || []), ...(g.formChanges || []).map((c) => (typeof c === 'string' ? c : JSON.stringify(c)))].map((s) => el('li', {}, s)))),
        el('td', {}, (g.caseNumbers || []).join(', ')))))));
}

function updateMigrateButton() {
  $('#migrate').disabled = !proposal || !proposal.answer.movable || !commentValid($('#migration-comment').value);
}

async function migrate(event) {
  event.preventDefault();
  clearFailure();
  $('#migrate').disabled = true;
  try {
    const started = await api('/migrations', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...proposal.request, comment: $('#migration-comment').value.trim() }),
    });
    $('#migrate-form').hidden = true;
    $('#migration-comment').value = '';
    followMigration(started.id);
  } catch (error) {
    $('#migration-progress').replaceChildren(el('p', { class: 'error' }, error.message));
    updateMigrateButton();
  }
}

function followMigration(id) {
  clearInterval(polling);
  const poll = async () => {
    try {
      const m = await api(`/migrations/${id}`);
      renderProgress(m);
      if (m.status !== 'RUNNING') {
        clearInterval(polling);
        await loadMigrations();
        await loadModels();
      }
    } catch (error) {
      clearInterval(polling);
      fail(error);
    }
  };
  poll();
  polling = setInterval(poll, 1500);
}

function renderProgress(m) {
  const done = m.migrated + m.failed;
  $('#migration-progress').replaceChildren(
    el('p', { id: 'migration-status' }, `${m.processKey} v${m.sourceVersion} → v${m.targetVersion}: ${m.status}, ${count(m.migrated)} moved, `
      + `${count(m.failed)} failed, ${count(m.remaining)} to go (${count(done)} of ${count(m.total)}).`),
    el('progress', { max: m.total || 1, value: done }),
    (m.failures || []).length ? el('div', {}, el('h4', {}, 'Failed'), el('ul', { class: 'error' }, m.failures.map((f) => el('li', {}, `${f.caseNumber || f.processInstanceId}: ${f.message}`))),
      el('button', { type: 'button', onclick: () => api(`/migrations/${m.id}/retries`, { method: 'POST' }).then(() => followMigration(m.id)).catch(fail) }, 'Retry the failed cases')) : '',
    (m.notMoved || []).length ? el('div', {}, el('h4', {}, 'Stayed on their version'), el('ul', {}, m.notMoved.map((n) => el('li', {}, `${n.caseNumber || n.processInstanceId}: ${(n.reasons || [n.reason]).filter(Boolean).join('; ')}`)))) : '');
}

async function loadMigrations() {
  const list = await api('/migrations?page=0&size=20');
  $('#migrations tbody').replaceChildren(...(list.items || []).map((m) => el('tr', { onclick: () => followMigration(m.id), class: 'clickable' },
    el('td', {}, when(m.requestedAt)),
    el('td', {}, m.requestedBy),
    el('td', { class: 'key' }, m.processKey),
    el('td', {}, `v${m.sourceVersion} → v${m.targetVersion}`),
    el('td', {}, m.status),
    el('td', { class: 'num' }, `${count(m.migrated)} / ${count(m.failed)} / ${count((m.notMoved || []).length)}`),
    el('td', { class: 'comment' }, m.comment))));
}

// ----------------------------------------------------------------------------------------------------------- start
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[role=tab]').forEach((tab) => tab.addEventListener('click', () => showTab(tab.dataset.tab)));
  $('#change-form').addEventListener('submit', validateChange);
  $('#deploy-form').addEventListener('submit', deployChange);
  $('#comment').addEventListener('input', updateDeployButton);
  $('#files').addEventListener('change', () => { lastReport = null; $('#deploy-form').hidden = true; $('#report').replaceChildren(); });
  $('#deployments-prev').addEventListener('click', () => loadDeployments(Math.max(0, deploymentsPage - 1)).catch(fail));
  $('#deployments-next').addEventListener('click', () => loadDeployments(deploymentsPage + 1).catch(fail));
  $('#migration-process').addEventListener('change', fillVersions);
  $('#proposal-form').addEventListener('submit', propose);
  $('#migrate-form').addEventListener('submit', migrate);
  $('#migration-comment').addEventListener('input', updateMigrateButton);
  loadModels().then(() => { $('#app').hidden = false; }).catch(fail);
});
