import '@/lib/zod-jitless'; // before any schema is defined
import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { browserTimeZone, uiLanguage } from '../../lib/i18n';
import { browserPopupActions } from './popup-actions';
import { loadPopupData } from './popup-data';
import { browserForecastActions, forecastPageUrl, ticketEvents } from '../forecast/forecast-actions';
import './popup.css';

const source = loadPopupData();
document.documentElement.lang = uiLanguage();
render(
  <PopupApp
    data={source.data}
    loadError={source.loadError}
    actions={browserPopupActions()}
    engineerTimeZone={browserTimeZone()}
    forecast={{
      actions: browserForecastActions(),
      openFullPage: () => void browser.tabs.create({ url: forecastPageUrl() }).then(() => window.close()),
      ticketEvents,
    }}
  />,
  document.getElementById('app')!,
);
