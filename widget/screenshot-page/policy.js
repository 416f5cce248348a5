// ?locale=hi-IN for Hindi; the clientSecret is a property (never an attribute), set from script.
const params = new URLSearchParams(location.search);
const policy = document.getElementById('policy');
if (params.get('locale')) policy.setAttribute('locale', params.get('locale'));
policy.clientSecret = 'ord_POLICY_portal_secret';
