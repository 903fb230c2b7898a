// Progressive enhancement: a few minutes before the idle sign-out, warn and
// offer "Stay signed in" without leaving the page (so nothing typed is lost).
// Without JavaScript the page furniture still says when the session ends.
const WARN_SECONDS = 5 * 60;

const note = document.querySelector("[data-session-seconds]");
const warning = document.querySelector("[data-session-warning]");

if (note && warning) {
  const text = warning.querySelector("[data-session-warning-text]");
  const form = warning.querySelector("[data-session-stay]");
  const clock = note.querySelector("[data-session-at]");
  let endsAt = 0;
  let timer = 0;

  const minutes = (seconds) => {
    const whole = Math.max(1, Math.ceil(seconds / 60));
    return whole === 1 ? "1 minute" : `${whole} minutes`;
  };

  const tick = () => {
    const left = Math.round((endsAt - Date.now()) / 1000);
    if (left <= 0) {
      text.textContent =
        "You have been signed out. If you send this page now, we will keep what you typed and put it back after you sign in.";
      form.hidden = true;
      return;
    }
    if (left <= WARN_SECONDS) {
      if (warning.hidden) {
        warning.hidden = false;
      }
      text.textContent = `To keep people's records safe, you will be signed out in ${minutes(left)} unless you stay signed in.`;
    }
    timer = window.setTimeout(tick, left <= WARN_SECONDS ? 30000 : (left - WARN_SECONDS) * 1000);
  };

  const start = (seconds) => {
    window.clearTimeout(timer);
    warning.hidden = true;
    form.hidden = false;
    endsAt = Date.now() + seconds * 1000;
    tick();
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      const answer = await response.json();
      if (clock) {
        clock.textContent = answer.at;
      }
      start(answer.seconds);
    } catch {
      // Leaving the page would lose what was typed: say so instead.
      text.textContent = "We could not reach Pathfinder just now. Please save what you are writing.";
    }
  });

  start(Number(note.dataset.sessionSeconds));
}
