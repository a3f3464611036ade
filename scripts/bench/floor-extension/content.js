// The trivial extension the tagging benchmark divides by: read the rows, insert one plain element
// per row, nothing else (no classification, no messaging, no storage).
const seen = new WeakSet();
function pass() {
  for (const row of document.querySelectorAll('.ant-table-tbody > tr')) {
    if (seen.has(row)) continue;
    seen.add(row);
    const cell = row.querySelector('td');
    if (!cell) continue;
    const mark = document.createElement('floor-tag');
    mark.textContent = String(cell.textContent.length);
    cell.append(mark);
  }
}
new MutationObserver(pass).observe(document.body, { childList: true, subtree: true });
pass();
