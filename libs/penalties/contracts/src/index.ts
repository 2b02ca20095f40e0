export * from './fine-issued';
