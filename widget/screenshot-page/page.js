// Applies ?locale=…&layout=… to the widget (an external script: the page runs under a strict CSP).
const params = new URLSearchParams(location.search);
const widget = document.getElementById('widget');
for (const name of ['locale', 'layout', 'theme']) if (params.get(name)) widget.setAttribute(name, params.get(name));
window.coverkitWidget = widget;
