// Under `script-src 'self'` without 'unsafe-eval' the form cannot compile its validator at run
// time, so this page hands it the precompiled one (what `dvc-forms compile` writes; the demo
// server makes it from the served procedure file). This script runs before the bundle defines
// <dvc-form>: the property set here is picked up when the element upgrades.
import * as compiled from '/compiled/dang-ky-khai-sinh.js';

const form = document.querySelector('dvc-form');
if (form) Object.assign(form, { compiled });
