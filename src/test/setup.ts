// Adds Testing Library's DOM matchers (toBeInTheDocument, ...) to expect; harmless in Node tests.
import '@testing-library/jest-dom/vitest';
