// Progressive enhancement only: every page works without this file.
import { initAll } from "../vendor/nhsuk-frontend/nhsuk-frontend.min.js";

initAll();
import "./session-timeout.js";
