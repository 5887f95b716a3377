// Session pages: "Cite this session", and the time in the reader's zone (at the end).
// "Cite this session": The BibTeX and CSL-JSON entries are the files
// beside the page (cite.bib, cite.json), fetched when their section is first opened
// rather than copied into every page. Copy buttons stay hidden until there is a text
// to copy and a clipboard to copy it to; without JavaScript the download links remain.
const canCopy = Boolean(navigator.clipboard);
for (const d of document.querySelectorAll("details[data-cite]")) {
  d.addEventListener("toggle", () => {
    if (!d.open || d.dataset.loaded) return;
    d.dataset.loaded = "yes";
    fetch(d.dataset.cite)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(r.statusText))))
      .then((text) => {
        const pre = d.querySelector("pre");
        pre.querySelector("code").textContent = text;
        pre.hidden = false;
        d.querySelector("button.copy").hidden = !canCopy;
      })
      .catch(() => delete d.dataset.loaded);
  });
}
for (const b of document.querySelectorAll("button.copy")) {
  const source = document.getElementById(b.dataset.copy);
  b.hidden = !canCopy || source.hidden;
  b.addEventListener("click", () => {
    navigator.clipboard.writeText(source.innerText).then(() => {
      const label = b.textContent;
      b.textContent = "Copied";
      setTimeout(() => { b.textContent = label; }, 1500);
    });
  });
}
// The session's time in the reader's own time zone, beside the time as the programme
// gives it, when the page knows the instant (a time with its zone); with the day too
// when the reader's day is another one.
for (const el of document.querySelectorAll("span.local[data-start]")) {
  const start = new Date(el.dataset.start);
  const end = el.dataset.end ? new Date(el.dataset.end) : null;
  if (Number.isNaN(start.getTime())) continue;
  const time = { hour: "2-digit", minute: "2-digit" };
  const at = (d, parts) => d.toLocaleString(undefined, parts);
  const local = [start.getFullYear(), start.getMonth() + 1, start.getDate()]
    .map((n) => String(n).padStart(2, "0")).join("-");
  const day = el.parentElement.querySelector("time[datetime]");
  const other = !day || day.getAttribute("datetime") !== local;
  const zone = new Intl.DateTimeFormat(undefined, { timeZoneName: "short" })
    .formatToParts(start).find((p) => p.type === "timeZoneName");
  el.textContent = ` · ${other ? `${at(start, { weekday: "short", day: "numeric", month: "short" })}, ` : ""}${at(start, time)}${end ? `–${at(end, time)}` : ""} your time${zone ? ` (${zone.value})` : ""}`;
  el.hidden = false;
}
