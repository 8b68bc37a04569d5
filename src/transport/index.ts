export * from './arrhenius.js';
