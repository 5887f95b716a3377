// Session pages: "Cite this session", and the time in the reader's zone (at the end).
// "Cite this session": The BibTeX and CSL-JSON entries are the files
// beside the page (cite.bib, cite.json, the download links of the section), fetched
// when their section is first opened rather than copied into every page. The copy
// buttons are made here, when there is a text to copy and a clipboard to copy it to,
// so that pages do not carry them for readers without JavaScript, who keep the
// citation text and the download links.
const canCopy = Boolean(navigator.clipboard);
const copyButton = (label, source) => {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "copy";
  b.textContent = label;
  b.addEventListener("click", () => {
    navigator.clipboard.writeText(source.innerText).then(() => {
      b.textContent = "Copied";
      setTimeout(() => { b.textContent = label; }, 1500);
    });
  });
  return b;
};
const citeText = document.getElementById("cite-text");
if (citeText && canCopy) {
  const p = document.createElement("p");
  p.append(copyButton("Copy citation", citeText));
  citeText.after(p);
}
for (const d of document.querySelectorAll("section.cite details")) {
  const link = d.querySelector("a[download]");
  if (!link) continue;
  const name = d.querySelector("summary").textContent;
  d.addEventListener("toggle", () => {
    if (!d.open || d.dataset.loaded) return;
    d.dataset.loaded = "yes";
    fetch(link.href)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(r.statusText))))
      .then((text) => {
        const pre = document.createElement("pre");
        const code = document.createElement("code");
        code.textContent = text;
        pre.append(code);
        link.parentElement.before(pre);
        if (canCopy) link.before(copyButton(`Copy ${name}`, pre), " ");
      })
      .catch(() => delete d.dataset.loaded);
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
