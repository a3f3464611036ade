import { fakeBrowser } from 'wxt/testing/fake-browser';

export default fakeBrowser;
