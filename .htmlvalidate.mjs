// html-validate over every built page (npm run check:html). Rules changed from the recommended
// set, each with its reason:
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // Stricter than recommended: a strict Content-Security-Policy allows no inline styles.
    'no-inline-style': 'error',
    // A question page's title is the question itself (at most 150 characters, see the schema).
    'long-title': ['error', { maxlength: 160 }],
    // The header search is an ARIA 1.2 combobox whose suggestions are a listbox: a native
    // <select> cannot filter as you type.
    'prefer-native-element': ['error', { exclude: ['listbox'] }],
  },
};
