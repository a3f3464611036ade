// Promise-based extension APIs for the background and extension pages, on every target including
// the MV2 package for old Chromium (360). The content script doesn't load this polyfill: see
// utils/sensor/extension-api.ts.
import polyfill from 'webextension-polyfill';

export const browser = polyfill;
