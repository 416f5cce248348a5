/** The console's frame: header, sections, search form, notices. */
import { css } from 'lit';

export const consoleStyles = css`
  header {
    background: var(--ck-text);
    color: #fff;
    padding: 0.6rem 1rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
  }
  header h1 {
    margin: 0;
    font-size: 1.1rem;
  }
  .mode {
    font-size: 0.75rem;
    font-weight: 700;
    padding: 0.1rem 0.45rem;
    border-radius: 4px;
    background: var(--ck-warning-bg);
    color: var(--ck-warning);
    margin-left: 0.4rem;
  }
  main {
    max-width: 72rem;
    margin: 0 auto;
    padding: 1rem;
    display: grid;
    gap: 1.5rem;
  }
  h2 {
    margin: 0 0 0.6rem;
    font-size: 1.15rem;
  }
  form.search {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  form.search input {
    flex: 1 1 14rem;
  }
  .list {
    display: grid;
    gap: var(--ck-space);
  }
  .notice {
    padding: 0.5rem 0.75rem;
    border-radius: var(--ck-radius);
    background: var(--ck-ok-bg);
    color: var(--ck-ok);
  }
  .notice.error {
    background: var(--ck-danger-bg);
    color: var(--ck-danger);
  }
`;
