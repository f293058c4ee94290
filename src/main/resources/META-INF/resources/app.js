'use strict';
// NumScan page: upload documents, then show each page with a box over every number read.
(function () {
  const $ = (id) => document.getElementById(id);
  const drop = $('drop');
  const input = $('files');
  const progress = $('progress');
  const progressLabel = $('progress-label');
  const progressDetail = $('progress-detail');
  const bar = progress.querySelector('.bar');
  const barFill = $('bar-fill');
  const errorBox = $('error');
  const results = $('results');
  const documentsEl = $('documents');
  const summary = $('summary');
  const tip = $('tip');

  let lastJson = null;
  let busy = false;

  // ---- the fields template: none, one the server offers, any that matches, or a file ----
  const templateSelect = $('template');
  const templateFile = $('template-file');
  const fieldsEl = $('fields');
  const fieldsTable = $('fields-table');
  let chosenTemplateFile = null;
  const fileOption = templateSelect.querySelector('option[value="file"]');
  fetch('/api/templates').then((r) => (r.ok ? r.json() : { templates: [] })).then((body) => {
    body.templates.forEach((t) => {
      const o = el('option', null, t.name + ' (' + t.fields.map((f) => f.name).join(', ') + ')');
      o.value = t.name;
      templateSelect.insertBefore(o, fileOption);
    });
  }).catch(() => { /* the page works without templates */ });
  templateSelect.addEventListener('change', () => {
    if (templateSelect.value === 'file') templateFile.click();
  });
  templateFile.addEventListener('change', () => {
    if (templateFile.files.length) {
      chosenTemplateFile = templateFile.files[0];
      fileOption.textContent = 'Template file: ' + chosenTemplateFile.name;
    } else if (!chosenTemplateFile) {
      templateSelect.value = '';
    }
  });

  // ---- picking and dropping files ----
  input.addEventListener('change', () => {
    if (input.files.length) upload(Array.from(input.files));
    input.value = '';
  });
  drop.addEventListener('click', (e) => {
    if (e.target.tagName !== 'LABEL' && e.target !== input) input.click();
  });
  drop.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); input.click(); }
  });
  ['dragenter', 'dragover'].forEach((type) => drop.addEventListener(type, (e) => {
    e.preventDefault();
    drop.classList.add('over');
  }));
  ['dragleave', 'dragend'].forEach((type) => drop.addEventListener(type, () => drop.classList.remove('over')));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const files = Array.from(e.dataTransfer.files || []);
    if (files.length) upload(files);
  });
  // A file dropped beside the zone must not replace the page.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());

  // ---- upload with progress, then the scanning state ----
  function upload(files) {
    if (busy) return;
    busy = true;
    hideError();
    results.hidden = true;
    drop.classList.add('busy');
    const form = new FormData();
    files.forEach((f) => form.append('file', f, f.name));
    if (templateSelect.value === 'file' && chosenTemplateFile) {
      form.append('templateFile', chosenTemplateFile, chosenTemplateFile.name);
    } else if (templateSelect.value && templateSelect.value !== 'file') {
      form.append('template', templateSelect.value);
    }
    const total = files.reduce((n, f) => n + f.size, 0);
    const names = files.length === 1 ? files[0].name : files.length + ' files';

    showProgress('Uploading ' + names, '0 %', 0);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/scan');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.responseType = 'text';
    let scanStart = 0;
    let timer = null;
    const scanning = () => {
      if (scanStart) return;
      scanStart = Date.now();
      bar.classList.add('scanning');
      progressLabel.textContent = 'Scanning ' + names + '…';
      const tick = () => { progressDetail.textContent = Math.round((Date.now() - scanStart) / 1000) + ' s'; };
      tick();
      timer = setInterval(tick, 500);
    };
    xhr.upload.addEventListener('progress', (e) => {
      const size = e.lengthComputable ? e.total : total;
      const pct = size ? Math.min(100, Math.round((e.loaded / size) * 100)) : 0;
      showProgress('Uploading ' + names, pct + ' % of ' + formatBytes(size), pct);
    });
    xhr.upload.addEventListener('load', scanning);
    xhr.addEventListener('readystatechange', () => {
      if (xhr.readyState === XMLHttpRequest.HEADERS_RECEIVED) scanning();
    });
    const finish = () => {
      clearInterval(timer);
      busy = false;
      drop.classList.remove('busy');
      bar.classList.remove('scanning');
      progress.hidden = true;
    };
    xhr.addEventListener('load', () => {
      finish();
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (ignored) { /* not JSON */ }
      if (xhr.status === 200 && body && Array.isArray(body.documents)) {
        lastJson = body;
        render(body);
        if (body.errors && body.errors.length) showErrors(body.errors);
      } else {
        showRefusal(xhr.status, body, xhr.getResponseHeader('Retry-After'));
      }
    });
    xhr.addEventListener('error', () => {
      finish();
      showError('Could not reach the server.', 'Check that NumScan is still running and try again.');
    });
    xhr.send(form);
  }

  function showProgress(label, detail, pct) {
    progress.hidden = false;
    progressLabel.textContent = label;
    progressDetail.textContent = detail;
    barFill.style.width = pct + '%';
  }

  // ---- refusals in words ----
  const LEADS = {
    400: 'The request was not understood.',
    413: 'Too large to scan.',
    415: 'Not a document NumScan can read.',
    422: 'The document could not be read.',
    503: 'The server is busy.',
  };

  function showRefusal(status, body, retryAfter) {
    const lead = LEADS[status] || (status ? 'Scanning failed (HTTP ' + status + ').' : 'Scanning failed.');
    let detail = body && body.reason ? body.reason : '';
    if (body && body.file) detail = body.file + ': ' + detail;
    if (status === 503 && retryAfter) detail = 'Every scanner is in use. Please try again in ' + retryAfter + ' seconds.';
    if (status === 415 && !detail) detail = 'Upload a PDF, PNG, JPEG or TIFF file.';
    if (body && body.errors && body.errors.length > 1) {
      showError(lead, null, body.errors.map((e) => e.file + ': ' + e.reason));
    } else {
      showError(lead, detail);
    }
  }

  function showErrors(errors) {
    showError(errors.length === 1 ? 'One file could not be read.' : errors.length + ' files could not be read.',
      null, errors.map((e) => e.file + ': ' + e.reason));
  }

  function showError(lead, detail, items) {
    errorBox.replaceChildren();
    errorBox.append(el('strong', null, lead));
    if (detail) errorBox.append(el('span', null, detail));
    if (items) {
      const ul = el('ul');
      items.forEach((t) => ul.append(el('li', null, t)));
      errorBox.append(ul);
    }
    errorBox.hidden = false;
  }

  function hideError() {
    errorBox.hidden = true;
    errorBox.replaceChildren();
  }

  // ---- results ----
  function level(confidence) {
    return confidence >= 0.9 ? 'high' : confidence >= 0.6 ? 'medium' : 'low';
  }

  function percent(confidence) {
    return (Math.floor(confidence * 1000) / 10).toFixed(1) + ' %';
  }

  function render(json) {
    documentsEl.replaceChildren();
    let count = 0;
    let pages = 0;
    json.documents.forEach((doc) => {
      const section = el('section', 'doc');
      const n = doc.pages.reduce((s, p) => s + p.numbers.length, 0);
      count += n;
      pages += doc.pages.length;
      const h = el('h3', null, doc.file + ' ');
      h.append(el('span', 'muted', '· ' + doc.type.toUpperCase() + ' · ' + plural(doc.pages.length, 'page')
        + ' · ' + plural(n, 'number')));
      section.append(h);
      doc.pages.forEach((page) => section.append(renderPage(doc, page)));
      documentsEl.append(section);
    });
    const docs = json.documents.length;
    summary.textContent = plural(count, 'number') + ' on ' + plural(pages, 'page')
      + (docs > 1 ? ' in ' + plural(docs, 'document') : '');
    renderFields(json.fields);
    results.hidden = false;
    results.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  function renderPage(doc, page) {
    const card = el('article', 'page');
    card.dataset.page = page.page;
    const head = el('div', 'page-head');
    head.append(el('span', null, 'Page ' + page.page), el('span', null,
      page.width + ' × ' + page.height + ' px' + (page.dpi ? ' · ' + page.dpi + ' dpi' : '')));
    card.append(head);

    // The image is shown scaled to the column; boxes are placed in percent of the page's pixel
    // size, i.e. scaled by displayed width / page width, so they stay on their numbers at any size.
    const sheet = el('div', 'sheet loading');
    const img = el('img');
    img.alt = 'Page ' + page.page + ' of ' + doc.file;
    img.width = page.width;
    img.height = page.height;
    img.decoding = 'async';
    img.addEventListener('load', () => sheet.classList.remove('loading'));
    img.src = page.image;
    sheet.append(img);

    const tableWrap = el('div', 'numbers');
    const table = el('table');
    const thead = el('thead');
    const hr = el('tr');
    hr.append(el('th', 'num', '#'), el('th', null, 'Value'), el('th', null, 'Confidence'), el('th', 'where', 'x, y (px)'));
    thead.append(hr);
    const tbody = el('tbody');
    table.append(thead, tbody);
    tableWrap.append(table);

    const boxes = [];
    const rows = [];
    const select = (i, from) => {
      boxes.forEach((b, j) => b.classList.toggle('selected', i === j));
      rows.forEach((r, j) => {
        r.classList.toggle('selected', i === j);
        r.setAttribute('aria-selected', String(i === j));
      });
      if (from === 'row') scrollIntoViewIfNeeded(boxes[i]);
      if (from === 'box') scrollWithin(tableWrap, rows[i]);
    };

    page.numbers.forEach((n, i) => {
      const lv = level(n.confidence);
      const box = el('button', 'box ' + lv);
      box.type = 'button';
      box.style.left = (100 * n.x / page.width) + '%';
      box.style.top = (100 * n.y / page.height) + '%';
      box.style.setProperty('--w', (100 * n.width / page.width) + '%');
      box.style.setProperty('--h', (100 * n.height / page.height) + '%');
      box.dataset.value = n.value;
      box.setAttribute('aria-label', n.value + ', ' + percent(n.confidence) + ' sure');
      box.addEventListener('mouseenter', () => showTip(box, n));
      // Scrolling hides the tip; the pointer may still rest on a box, so moving it brings the tip back.
      box.addEventListener('mousemove', () => { if (tip.hidden) showTip(box, n); });
      box.addEventListener('mouseleave', hideTip);
      box.addEventListener('focus', () => showTip(box, n));
      box.addEventListener('blur', hideTip);
      box.addEventListener('click', () => select(i, 'box'));
      sheet.append(box);
      boxes.push(box);

      const tr = el('tr');
      tr.tabIndex = 0;
      tr.dataset.value = n.value;
      const conf = el('span', 'conf');
      conf.append(el('span', 'dot ' + lv), document.createTextNode(percent(n.confidence)));
      const confTd = el('td');
      confTd.append(conf);
      tr.append(el('td', 'num', String(i + 1)), el('td', 'value', n.value), confTd,
        el('td', 'where', n.x + ', ' + n.y));
      tr.addEventListener('click', () => select(i, 'row'));
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(i, 'row'); }
        if (e.key === 'ArrowDown' && rows[i + 1]) { e.preventDefault(); rows[i + 1].focus(); select(i + 1, 'row'); }
        if (e.key === 'ArrowUp' && rows[i - 1]) { e.preventDefault(); rows[i - 1].focus(); select(i - 1, 'row'); }
      });
      tr.addEventListener('mouseenter', () => boxes[i].classList.add('hover'));
      tr.addEventListener('mouseleave', () => boxes[i].classList.remove('hover'));
      tbody.append(tr);
      rows.push(tr);
    });
    if (!page.numbers.length) {
      const tr = el('tr');
      const td = el('td', 'empty', 'No numbers found on this page.');
      td.colSpan = 4;
      tr.append(td);
      tbody.append(tr);
    }
    card.append(sheet, tableWrap);
    return card;
  }

  // One row per document; a value's colour is its confidence, a flagged row (a check failed) is marked.
  function renderFields(fields) {
    fieldsTable.replaceChildren();
    fieldsEl.hidden = !fields;
    if (!fields) return;
    const cols = fields.columns;
    const shown = cols.map((c, i) => i).filter((i) => !cols[i].endsWith('_confidence'));
    const thead = el('thead');
    const hr = el('tr');
    shown.forEach((i) => hr.append(el('th', null, cols[i])));
    thead.append(hr);
    const tbody = el('tbody');
    fields.rows.forEach((row) => {
      const tr = el('tr');
      if (row[cols.indexOf('flagged')] === 'true') tr.className = 'flagged';
      shown.forEach((i) => {
        const td = el('td', null, row[i]);
        const conf = cols.indexOf(cols[i] + '_confidence');
        if (conf >= 0 && row[conf] !== '') {
          const c = Number(row[conf]);
          td.className = 'field ' + (row[i] === '' ? 'missing' : level(c));
          td.title = row[i] === '' ? 'not found' : percent(c) + ' sure';
        }
        tr.append(td);
      });
      tbody.append(tr);
    });
    fieldsTable.append(thead, tbody);
    const flagged = fields.rows.filter((r) => r[cols.indexOf('flagged')] === 'true').length;
    $('fields-summary').textContent = 'Fields: ' + plural(fields.rows.length, 'document')
      + (flagged ? ' · ' + flagged + ' flagged by a check' : '');
  }

  function fieldsCsv(fields) {
    return [fields.columns.map(csvField).join(',')]
      .concat(fields.rows.map((r) => r.map(csvField).join(','))).join('\n') + '\n';
  }

  function showTip(box, n) {
    tip.replaceChildren(el('b', null, n.value), document.createTextNode(' · ' + percent(n.confidence) + ' sure'));
    tip.hidden = false;
    const r = box.getBoundingClientRect();
    const t = tip.getBoundingClientRect();
    let left = r.left + r.width / 2 - t.width / 2;
    left = Math.max(6, Math.min(left, window.innerWidth - t.width - 6));
    let top = r.top - t.height - 8;
    if (top < 6) top = r.bottom + 8;
    tip.style.left = left + 'px';
    tip.style.top = top + 'px';
  }

  function hideTip() {
    tip.hidden = true;
  }
  window.addEventListener('scroll', hideTip, { passive: true });

  function scrollIntoViewIfNeeded(node) {
    const r = node.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) node.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }

  function scrollWithin(container, row) {
    const c = container.getBoundingClientRect();
    const r = row.getBoundingClientRect();
    if (r.top < c.top + 32 || r.bottom > c.bottom) {
      container.scrollTop += r.top - c.top - c.height / 2;
    }
    if (container.scrollHeight <= container.clientHeight) scrollIntoViewIfNeeded(row);
  }

  // ---- downloads ----
  // The CSV is the command line's: file,page,value,x,y,width,height,confidence,label (RFC 4180 quoting).
  function csvField(v) {
    const s = String(v);
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function toCsv(json) {
    const lines = ['file,page,value,x,y,width,height,confidence,label'];
    json.documents.forEach((d) => d.pages.forEach((p) => p.numbers.forEach((n) => {
      lines.push([csvField(d.file), p.page, csvField(n.value), n.x, n.y, n.width, n.height,
        n.confidence.toFixed(4), csvField(n.label || '')].join(','));
    })));
    return lines.join('\n') + '\n';
  }

  function baseName() {
    if (!lastJson || lastJson.documents.length !== 1) return 'numscan';
    return 'numscan-' + lastJson.documents[0].file.replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '_');
  }

  function save(text, type, name) {
    const url = URL.createObjectURL(new Blob([text], { type: type }));
    const a = el('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  $('download-csv').addEventListener('click', () => {
    if (lastJson) save(toCsv(lastJson), 'text/csv', baseName() + '.csv');
  });
  $('download-fields').addEventListener('click', () => {
    if (lastJson && lastJson.fields) save(fieldsCsv(lastJson.fields), 'text/csv', baseName() + '-fields.csv');
  });
  $('download-json').addEventListener('click', () => {
    if (lastJson) save(JSON.stringify(lastJson, null, 2) + '\n', 'application/json', baseName() + '.json');
  });

  // ---- helpers ----
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function plural(n, word) {
    return n + ' ' + word + (n === 1 ? '' : 's');
  }

  function formatBytes(n) {
    if (n >= 1024 * 1024) return (n / (1024 * 1024)).toFixed(1) + ' MB';
    if (n >= 1024) return Math.round(n / 1024) + ' KB';
    return n + ' bytes';
  }
})();
