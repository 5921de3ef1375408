import { mount } from '../common/mount';

mount({ title: '大厅显示屏', size: 'large' });
