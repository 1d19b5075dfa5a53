import './lib/i18n.svelte';
import { mount } from 'svelte';
import App from './App.svelte';
import { settings } from './lib/settings.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// The saved language and theme are applied before anything is drawn: no first frame in the
// wrong language. (A settings file that cannot be read leaves the defaults.)
await settings.load();

export default mount(App, { target });
