// Progressive enhancement for the lens event map: every 20 seconds, fetch the
// page again and swap in the new map. Without this file the "Refresh the map" link does the same.
const map = document.querySelector("[data-lens-map]");
if (map) {
  const status = document.querySelector("[data-lens-map-status]");
  const refresh = async () => {
    if (document.hidden) return;
    try {
      const response = await fetch(window.location.href, { credentials: "same-origin", cache: "no-store" });
      if (!response.ok) return;
      const next = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = next.querySelector("[data-lens-map]");
      const freshStatus = next.querySelector("[data-lens-map-status]");
      if (fresh && fresh.innerHTML !== map.innerHTML) map.innerHTML = fresh.innerHTML;
      if (status && freshStatus && status.textContent !== freshStatus.textContent) status.textContent = freshStatus.textContent;
    } catch {
      // Offline for a moment: the next tick tries again.
    }
  };
  setInterval(refresh, 20000);
}
