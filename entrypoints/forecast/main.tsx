import '@/lib/zod-jitless'; // before any schema is defined
import { render } from 'preact';
import { ForecastPage } from '../../components/forecast';
import { uiLanguage } from '../../lib/i18n';
import { browserForecastActions, browserForecastSettings } from './forecast-actions';
import '../popup/popup.css';
import './forecast.css';

document.documentElement.lang = uiLanguage();
document.title = browser.i18n.getMessage('forecastTitle');
render(<ForecastPage actions={browserForecastActions()} settings={browserForecastSettings()} />, document.getElementById('app')!);
