// Injected by `proceedings serve` only (never in `build` output): reloads the page
// when the site is rebuilt, swaps stylesheets in place when only CSS changed, and
// shows build errors over the page until they are fixed.
(() => {
  const events = new EventSource("/__proceedings/events");
  let overlay = null;
  const hide = () => { if (overlay) { overlay.remove(); overlay = null; } };
  const show = (text) => {
    hide();
    overlay = document.createElement("div");
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
      "background:rgba(20,20,20,.94);color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem";
    const heading = document.createElement("p");
    heading.textContent = "The site did not build. Fix the file and save: this page reloads by itself.";
    heading.style.cssText = "font-weight:bold;color:#ffb4a9;margin:0 0 1rem";
    const pre = document.createElement("pre");
    pre.textContent = text;
    pre.style.whiteSpace = "pre-wrap";
    overlay.append(heading, pre);
    document.body.append(overlay);
  };
  events.addEventListener("reload", () => location.reload());
  events.addEventListener("css", () => {
    hide();
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      url.searchParams.set("reload", Date.now());
      link.href = url.href;
    }
  });
  events.addEventListener("build-error", (e) => show(e.data));
})();
