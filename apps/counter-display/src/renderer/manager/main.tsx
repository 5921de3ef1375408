import { mount } from '../common/mount';

mount({ title: '管理端', size: 'normal' });
