// bpmn-moddle's main entry ships no type declarations; the tests only need it untyped.
declare module 'bpmn-moddle';
