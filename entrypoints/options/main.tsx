import '@/lib/zod-jitless'; // before any schema is defined
import { render } from 'preact';
import { OptionsApp, optionsTabs, type OptionsTab } from '../../components/options/OptionsApp';
import { browserTimeZone, uiLanguage } from '../../lib/i18n';
import { browserOptionsServices } from './options-services';
import './options.css';

const fromHash = (): OptionsTab => {
  const wanted = location.hash.slice(1);
  return (optionsTabs as readonly string[]).includes(wanted) ? (wanted as OptionsTab) : 'policy';
};

document.documentElement.lang = uiLanguage();
document.title = browser.i18n.getMessage('optionsTitle');
render(
  <OptionsApp
    services={browserOptionsServices()}
    initialTab={fromHash()}
    onTabChange={(tab) => history.replaceState(null, '', `#${tab}`)}
    engineerTimeZone={browserTimeZone()}
    now={new Date()}
  />,
  document.getElementById('app')!,
);
