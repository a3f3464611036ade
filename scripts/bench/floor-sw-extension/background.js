// Answers every row report at once with one label per row: no storage, no classification.
chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (!message || !Array.isArray(message.rows)) return;
  sendResponse(message.rows.map((title) => ({ label: String(title.length) })));
});
