// Reads the rows, sends them to the service worker in one message and inserts one plain element
// per answer: the floor for a page whose tags depend on the worker (install, worker restart).
const seen = new WeakSet();
function pass() {
  const rows = [];
  for (const row of document.querySelectorAll('.ant-table-tbody > tr')) {
    if (seen.has(row)) continue;
    seen.add(row);
    const cell = row.querySelector('td');
    if (cell) rows.push(cell);
  }
  if (!rows.length) return;
  chrome.runtime.sendMessage({ rows: rows.map((cell) => cell.textContent) }, (answers) => {
    if (chrome.runtime.lastError || !Array.isArray(answers)) return;
    answers.forEach((answer, i) => {
      const mark = document.createElement('floor-tag');
      mark.textContent = answer.label;
      rows[i].append(mark);
    });
  });
}
new MutationObserver(pass).observe(document.body, { childList: true, subtree: true });
pass();
