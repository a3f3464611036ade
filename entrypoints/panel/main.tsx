import { render } from 'preact';

function Panel() {
  return <main><h1>融合助手</h1></main>;
}

render(<Panel />, document.getElementById('app')!);
