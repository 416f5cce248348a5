// Applies ?locale=…&layout=… to the widget (an external script: the page runs under a strict CSP).
const params = new URLSearchParams(location.search);
const widget = document.getElementById('widget');
for (const name of ['locale', 'layout', 'theme']) if (params.get(name)) widget.setAttribute(name, params.get(name));
// ?picker=1: a page that names only the category, so the shopper picks brand and model.
if (params.get('picker')) for (const name of ['brand', 'model']) widget.removeAttribute(name);
window.coverkitWidget = widget;
