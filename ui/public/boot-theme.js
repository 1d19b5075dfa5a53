// Runs before the first paint (a classic script in <head>): puts the last theme the app applied
// (src/lib/theme.ts caches it) on <html>, so a forced light or dark theme never flashes the
// other one while the settings load. "system" or nothing cached: the OS's appearance.
(function () {
  var choice = null;
  try {
    choice = localStorage.getItem('textgate.theme');
  } catch (e) {
    // Storage refused: follow the OS until the settings arrive.
  }
  var dark = choice === 'dark' || (choice !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.setAttribute('data-theme', dark ? 'dark' : 'light');
})();
