import { render } from 'preact';
import { Popup } from '@/components/popup/Popup';
import '@/components/popup/popup.css';
import { applyUiLocale } from '@/utils/ui/locale';

void applyUiLocale().then(() => render(<Popup />, document.getElementById('app')!));
