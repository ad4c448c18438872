import { render } from 'preact';

function Options() {
  return <p>{browser.i18n.getMessage('extName')}</p>;
}

render(<Options />, document.getElementById('app')!);
