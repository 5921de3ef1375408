import { mount } from '../common/mount';

mount({ title: '柜台', size: 'normal' });
