// The name filter of the speakers index (components.html, name_filter): when the index
// lists everyone, it narrows the list as a name is typed, ignoring case and accents.
// Without JavaScript the form goes to the search page, which it still does on Enter.
(() => {
  const form = document.querySelector('form.name-filter');
  const input = form?.querySelector('input[name="q"]');
  const sections = [...document.querySelectorAll('section.letter')];
  if (!input || sections.length === 0) return;
  const fold = (s) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const items = sections.flatMap((s) =>
    [...s.querySelectorAll('li')].map((li) => [li, fold(li.querySelector('a')?.textContent ?? '')]),
  );
  const frequent = document.querySelector('section.frequent');
  const status = form.querySelector('[role="status"]');
  input.addEventListener('input', () => {
    const q = fold(input.value.trim());
    let shown = 0;
    for (const [li, name] of items) {
      li.hidden = q !== '' && !name.includes(q);
      if (!li.hidden) shown += 1;
    }
    for (const s of sections) s.hidden = !s.querySelector('li:not([hidden])');
    if (frequent) frequent.hidden = q !== '';
    status.textContent = q === '' ? '' : `${shown} ${shown === 1 ? 'person' : 'people'} match`;
  });
})();
