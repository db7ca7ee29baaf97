// bpmn-moddle's main entry ships no type declarations; describeBpmn types what it reads.
declare module 'bpmn-moddle';
