// First: zod must be told not to probe for eval before any schema of shared/ is built.
import './zod-csp';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { appTransport } from './api';
import { applyDocumentLocale, i18n } from './i18n';
import { createAppRouter } from './router';
import './styles.css';

// The transport first: in a browser tab it takes the token out of the URL, which must happen
// before the router's hash history copies that URL.
appTransport();
applyDocumentLocale();

createApp(App).use(createPinia()).use(i18n).use(createAppRouter()).mount('#app');
