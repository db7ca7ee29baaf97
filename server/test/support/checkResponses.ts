// Every app a test builds checks its answers against the API contract: a response that breaks its schema fails with a 500.
process.env.API_CHECK_RESPONSES = '1';
