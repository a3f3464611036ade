/** Task lists longer than this are windowed in the panel (only the cards near the viewport in the DOM). */
export const WINDOW_FROM = 400;
